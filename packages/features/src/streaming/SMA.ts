import { assertPeriod } from '../internal/assertPeriod.js';
import { type SmaState, smaState, smaStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link sma}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { SMA } from '@sextant/features';
 * const s = new SMA(20);
 * s.add(1.5);
 * ```
 */
export class SMA extends StreamingIndicator<number, number, SmaState> {
  readonly #period: number;

  /** @param period - window length, 1..100000 */
  constructor(period: number) {
    assertPeriod('SMA', 'period', period, 1);
    super(smaState(period), Number.NaN, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: SmaState, x: number, i: number): number {
    return smaStep(s, x, i, this.#period);
  }
}
