import { assertPeriod } from '../internal/assertPeriod.js';
import { type RsiState, rsiState, rsiStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link rsi}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { RSI } from '@sextant/features';
 * const r = new RSI(14);
 * r.add(1.5);
 * ```
 */
export class RSI extends StreamingIndicator<number, number, RsiState> {
  readonly #period: number;

  /** @param period - smoothing period, 2..100000 */
  constructor(period: number) {
    assertPeriod('RSI', 'period', period, 2);
    super(rsiState(), Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: RsiState, x: number, i: number): number {
    return rsiStep(s, x, i, this.#period);
  }
}
