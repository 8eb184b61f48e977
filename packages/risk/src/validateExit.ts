import type { MarketSnapshot, OrderIntent, PortfolioSnapshot, RiskVerdict } from '@sextant/core';
import { applyMarketLimits } from './applyMarketLimits.js';
import type { RuleContext } from './RuleContext.type.js';

/**
 * The exit rules for a sell: there must be a position; the amount is capped
 * at it, rounded to the amount step, and widened to the whole position when
 * the rest would be unsellable dust (rule `exit-dust`); HALTED refuses exits
 * only with `exitsWhenHalted: false`, and never the kill switch's closes.
 * Internal to `RiskValidator`, exported for tests and custom gates.
 *
 * @param ctx - config and state
 * @param intent - a sell
 * @param portfolio - the account now
 * @param market - the market now
 * @returns approve / resize / reject with reasons and rule names
 * @example
 * ```ts
 * import { validateExit } from '@sextant/risk';
 * // normally called through RiskValidator.validate
 * ```
 */
export function validateExit(
  ctx: RuleContext,
  intent: OrderIntent,
  portfolio: PortfolioSnapshot,
  market: MarketSnapshot,
): RiskVerdict {
  const { symbol } = intent;
  const position = portfolio.positions[symbol];
  const reject = (rule: string, why: string): RiskVerdict => ({
    outcome: 'reject',
    intent: null,
    reasons: [why],
    rules: [rule],
  });
  if (position === undefined || !(position.amount > 0)) {
    return reject('no-position', `no ${symbol} position to sell (spot, long only)`);
  }
  if (ctx.state === 'HALTED' && !ctx.config.exitsWhenHalted && intent.reason !== 'kill-switch') {
    return reject('trading-state', `trading state HALTED refuses ${intent.reason} (exitsWhenHalted is false)`);
  }
  const reasons: string[] = [];
  const rules: string[] = [];
  const requested = intent.amount ?? position.amount;
  let amount = Math.min(requested, position.amount);
  if (amount < requested) {
    rules.push('position');
    reasons.push(`sell ${requested} capped at the position ${position.amount}`);
  }
  const m = ctx.config.markets[symbol];
  if (m !== undefined) {
    const rest = position.amount - amount;
    const step = m.precision?.amount ?? 0;
    const minAmount = m.limits?.amount?.min ?? 0;
    const minCost = m.limits?.cost?.min ?? 0;
    if (rest > 0 && (rest < step || rest < minAmount || rest * market.price < minCost)) {
      amount = position.amount;
      rules.push('exit-dust');
      reasons.push(`selling the whole position: the rest ${rest} would be unsellable dust`);
    }
    const fit = applyMarketLimits(symbol, amount, market.price, 'sell', m);
    if (fit.reject !== undefined) return reject('exchange-limits', fit.reject);
    if (fit.amount !== amount) {
      rules.push('exchange-precision');
      reasons.push(...fit.notes);
    }
    amount = fit.amount;
  }
  if (!(amount > 0)) return reject('exchange-limits', `sell amount rounds to 0 on ${symbol}`);
  reasons.push(`${intent.reason}: sell ${amount} of ${position.amount} ${symbol}`);
  return {
    outcome: rules.length > 0 ? 'resize' : 'approve',
    intent: { ...intent, amount, reduceOnly: true },
    reasons,
    rules,
  };
}
