import { assertPeriod } from '../internal/assertPeriod.js';
import {
  type RsiState,
  type SmaState,
  ringExtremes,
  rsiState,
  rsiStep,
  smaState,
  smaStep,
} from '../internal/streamSteps.js';
import type { StochValue } from './Stochastic.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  rsi: RsiState;
  ring: Float64Array;
  d: SmaState;
}

const EMPTY: StochValue = Object.freeze({ k: Number.NaN, d: Number.NaN });

/**
 * Streaming twin of {@link stochRsi}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { StochRSI } from '@sextant/features';
 * const st = new StochRSI(14, 14, 3);
 * st.add(1.5).k;
 * ```
 */
export class StochRSI extends StreamingIndicator<number, StochValue, State> {
  readonly #period: number;
  readonly #kPeriod: number;
  readonly #dPeriod: number;

  /**
   * @param period - RSI period, 2..100000
   * @param kPeriod - look-back of fast %K over the RSI, 1..100000
   * @param dPeriod - SMA of %K giving %D, 1..100000
   */
  constructor(period: number, kPeriod: number, dPeriod: number) {
    assertPeriod('StochRSI', 'period', period, 2);
    assertPeriod('StochRSI', 'kPeriod', kPeriod, 1);
    assertPeriod('StochRSI', 'dPeriod', dPeriod, 1);
    super(
      { rsi: rsiState(), ring: new Float64Array(kPeriod), d: smaState(dPeriod) },
      EMPTY,
      period + kPeriod + dPeriod - 2,
    );
    this.#period = period;
    this.#kPeriod = kPeriod;
    this.#dPeriod = dPeriod;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): StochValue {
    const r = rsiStep(s.rsi, x, i, this.#period);
    const j = i - this.#period;
    if (j < 0) return EMPTY;
    const kp = this.#kPeriod;
    s.ring[j % kp] = r;
    if (j < kp - 1) return EMPTY;
    const [h, l] = ringExtremes(s.ring, s.ring, j, kp);
    const diff = (h - l) / 100.0;
    const k = diff !== 0.0 ? (r - l) / diff : 0.0;
    const d = smaStep(s.d, k, j - (kp - 1), this.#dPeriod);
    return i < this.lookback ? EMPTY : { k, d };
  }
}
