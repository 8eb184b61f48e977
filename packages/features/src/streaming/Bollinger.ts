import { assertFinite, assertPeriod } from '../internal/assertPeriod.js';
import { type SmaState, type StdState, smaState, smaStep, stdState, stdStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  sma: SmaState;
  std: StdState;
}

/** One output of {@link Bollinger}, {@link Keltner} and {@link Donchian}. */
export interface BandValue {
  /** Upper band. */
  upper: number;
  /** Middle line. */
  middle: number;
  /** Lower band. */
  lower: number;
}

/** Bands before the warm-up ends. */
export const EMPTY_BAND: BandValue = Object.freeze({ upper: Number.NaN, middle: Number.NaN, lower: Number.NaN });

/**
 * Streaming twin of {@link bollinger}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { Bollinger } from '@sextant/features';
 * const bb = new Bollinger(20, 2);
 * bb.add(1.5).upper;
 * ```
 */
export class Bollinger extends StreamingIndicator<number, BandValue, State> {
  readonly #period: number;
  readonly #stdDev: number;

  /**
   * @param period - window length, 2..100000
   * @param stdDev - band width in standard deviations
   */
  constructor(period: number, stdDev: number) {
    assertPeriod('Bollinger', 'period', period, 2);
    assertFinite('Bollinger', 'stdDev', stdDev);
    super({ sma: smaState(period), std: stdState(period) }, EMPTY_BAND, period - 1);
    this.#period = period;
    this.#stdDev = stdDev;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): BandValue {
    const m = smaStep(s.sma, x, i, this.#period);
    const sd = stdStep(s.std, x, i, this.#period, 1);
    if (i < this.#period - 1) return EMPTY_BAND;
    return { upper: m + sd * this.#stdDev, middle: m, lower: m - sd * this.#stdDev };
  }
}
