import { assertFinite, assertPeriod } from '../internal/assertPeriod.js';
import { type StdState, stdState, stdStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link stddev}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { StdDev } from '@sextant/features';
 * const sd = new StdDev(20);
 * sd.add(1.5);
 * ```
 */
export class StdDev extends StreamingIndicator<number, number, StdState> {
  readonly #period: number;
  readonly #nbDev: number;

  /**
   * @param period - window length, 2..100000
   * @param nbDev - multiplier, default 1
   */
  constructor(period: number, nbDev = 1) {
    assertPeriod('StdDev', 'period', period, 2);
    assertFinite('StdDev', 'nbDev', nbDev);
    super(stdState(period), Number.NaN, period - 1);
    this.#period = period;
    this.#nbDev = nbDev;
  }

  /** @internal One step of the batch loop. */
  protected next(s: StdState, x: number, i: number): number {
    return stdStep(s, x, i, this.#period, this.#nbDev);
  }
}
