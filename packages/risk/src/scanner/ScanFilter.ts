import type { Decision, DecisionContext, DecisionPolicy } from '@sextant/core';
import type { ScanResult } from './scanMarkets.js';

/**
 * A decision policy that lets the scanner choose where to enter: it runs a
 * base policy (e.g. the `DecisionEngine`) and turns a BUY into HOLD for any
 * market outside the scanner's latest top N. SELL and HOLD pass unchanged, so
 * open positions can always be closed. Until the first {@link ScanFilter.update}
 * no market is allowed in.
 *
 * @example
 * ```ts
 * import { DecisionEngine } from '@sextant/core';
 * import { ScanFilter, scanMarkets } from '@sextant/risk';
 * const decisions = new ScanFilter(new DecisionEngine());
 * decisions.update(scanMarkets(universe, { topN: 3 })); // e.g. every hour
 * ```
 */
export class ScanFilter implements DecisionPolicy {
  readonly #base: DecisionPolicy;
  #allowed: ReadonlySet<string> = new Set();
  #label = 'no scan yet';

  /** @param base - the policy whose BUYs are filtered */
  constructor(base: DecisionPolicy) {
    this.#base = base;
  }

  /** Markets currently allowed to enter. */
  get allowed(): ReadonlySet<string> {
    return this.#allowed;
  }

  /**
   * Allow entries only in the scan's top markets (or in the given symbols).
   *
   * @param scan - a {@link scanMarkets} result, or a list of symbols
   */
  update(scan: ScanResult | readonly string[]): void {
    const top = isScan(scan) ? scan.top : scan;
    this.#allowed = new Set(top);
    this.#label = `top ${top.length}: ${top.join(', ')}`;
  }

  /**
   * Decide with the base policy, holding BUYs outside the allowed markets.
   *
   * @param context - the runner's decision context
   * @returns the base decision, or HOLD with a reason
   */
  decide(context: DecisionContext): Decision {
    const d = this.#base.decide(context);
    if (d.action !== 'BUY' || this.#allowed.has(d.symbol)) return d;
    return {
      ...d,
      action: 'HOLD',
      confidence: 0,
      reasons: [...d.reasons, `${d.symbol} is not among the scanned markets (${this.#label})`],
    };
  }
}

function isScan(x: ScanResult | readonly string[]): x is ScanResult {
  return !Array.isArray(x);
}
