import { assertPeriod } from '../internal/assertPeriod.js';
import { type AtrState, atrState, atrStep } from '../internal/streamSteps.js';
import { TA_EPSILON } from '../internal/taConstants.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link natr}: equal to it value for value (including
 * TA-Lib's raw true range for period 1).
 *
 * @example
 * ```ts
 * import { NATR } from '@sextant/features';
 * const a = new NATR(14);
 * a.add({ high: 2, low: 1, close: 1.5 });
 * ```
 */
export class NATR extends StreamingIndicator<HLC, number, AtrState> {
  readonly #period: number;

  /** @param period - smoothing period, 1..100000 */
  constructor(period: number) {
    assertPeriod('NATR', 'period', period, 1);
    super(atrState(), Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: AtrState, c: HLC, i: number): number {
    const a = atrStep(s, c.high, c.low, c.close, i, this.#period);
    if (i < this.#period || this.#period === 1) return a; // NATR(1) is TA-Lib's raw TRANGE
    return -TA_EPSILON < c.close && c.close < TA_EPSILON ? 0 : (a / c.close) * 100.0;
  }
}
