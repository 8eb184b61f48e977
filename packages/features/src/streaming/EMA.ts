import { assertPeriod } from '../internal/assertPeriod.js';
import { type EmaState, emaState, emaStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link ema}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { EMA } from '@sextant/features';
 * const e = new EMA(21);
 * e.add(1.5);
 * ```
 */
export class EMA extends StreamingIndicator<number, number, EmaState> {
  readonly #period: number;
  readonly #k: number;

  /** @param period - smoothing period, 2..100000 */
  constructor(period: number) {
    assertPeriod('EMA', 'period', period, 2);
    super(emaState(), Number.NaN, period - 1);
    this.#period = period;
    this.#k = 2 / (period + 1);
  }

  /** @internal One step of the batch loop. */
  protected next(s: EmaState, x: number, i: number): number {
    return emaStep(s, x, i, this.#period, this.#k);
  }
}
