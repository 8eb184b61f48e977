import { assertPeriod } from '../internal/assertPeriod.js';
import { type SmaState, ringExtremes, smaState, smaStep } from '../internal/streamSteps.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  hi: Float64Array;
  lo: Float64Array;
  k: SmaState;
  d: SmaState;
}

/** One output of {@link Stochastic} and {@link StochRSI}. */
export interface StochValue {
  /** %K. */
  k: number;
  /** %D. */
  d: number;
}

const EMPTY: StochValue = Object.freeze({ k: Number.NaN, d: Number.NaN });

/**
 * Streaming twin of {@link stochastic}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { Stochastic } from '@sextant/features';
 * const st = new Stochastic(14, 3, 3);
 * st.add({ high: 2, low: 1, close: 1.5 }).k;
 * ```
 */
export class Stochastic extends StreamingIndicator<HLC, StochValue, State> {
  readonly #kPeriod: number;
  readonly #kSmooth: number;
  readonly #dPeriod: number;

  /**
   * @param kPeriod - look-back of fast %K, 1..100000
   * @param kSmooth - SMA of fast %K giving %K, 1..100000
   * @param dPeriod - SMA of %K giving %D, 1..100000
   */
  constructor(kPeriod: number, kSmooth: number, dPeriod: number) {
    assertPeriod('Stochastic', 'kPeriod', kPeriod, 1);
    assertPeriod('Stochastic', 'kSmooth', kSmooth, 1);
    assertPeriod('Stochastic', 'dPeriod', dPeriod, 1);
    const state = {
      hi: new Float64Array(kPeriod),
      lo: new Float64Array(kPeriod),
      k: smaState(kSmooth),
      d: smaState(dPeriod),
    };
    super(state, EMPTY, kPeriod + kSmooth + dPeriod - 3);
    this.#kPeriod = kPeriod;
    this.#kSmooth = kSmooth;
    this.#dPeriod = dPeriod;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLC, i: number): StochValue {
    const kp = this.#kPeriod;
    s.hi[i % kp] = c.high;
    s.lo[i % kp] = c.low;
    if (i < kp - 1) return EMPTY;
    const [h, l] = ringExtremes(s.hi, s.lo, i, kp);
    const diff = (h - l) / 100.0;
    const fast = diff !== 0.0 ? (c.close - l) / diff : 0.0;
    const k = smaStep(s.k, fast, i - (kp - 1), this.#kSmooth);
    const lbK = kp + this.#kSmooth - 2;
    if (i < lbK) return EMPTY;
    const d = smaStep(s.d, k, i - lbK, this.#dPeriod);
    return i < this.lookback ? EMPTY : { k, d };
  }
}
