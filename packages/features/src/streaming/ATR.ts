import { assertPeriod } from '../internal/assertPeriod.js';
import { type AtrState, atrState, atrStep } from '../internal/streamSteps.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link atr}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { ATR } from '@sextant/features';
 * const a = new ATR(14);
 * a.add({ high: 2, low: 1, close: 1.5 });
 * ```
 */
export class ATR extends StreamingIndicator<HLC, number, AtrState> {
  readonly #period: number;

  /** @param period - smoothing period, 1..100000 */
  constructor(period: number) {
    assertPeriod('ATR', 'period', period, 1);
    super(atrState(), Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: AtrState, c: HLC, i: number): number {
    return atrStep(s, c.high, c.low, c.close, i, this.#period);
  }
}
