import { assertPeriod } from '../internal/assertPeriod.js';
import { TA_EPSILON } from '../internal/taConstants.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  prevH: number;
  prevL: number;
  prevC: number;
  pDM: number;
  mDM: number;
  tr: number;
  sumDX: number;
  adx: number;
}

/** One output of {@link ADX}. */
export interface AdxValue {
  /** Average directional index (NaN for the first `2 * period - 1` inputs). */
  adx: number;
  /** +DI (NaN for the first `period` inputs). */
  plusDI: number;
  /** -DI (NaN for the first `period` inputs). */
  minusDI: number;
}

const EMPTY: AdxValue = Object.freeze({ adx: Number.NaN, plusDI: Number.NaN, minusDI: Number.NaN });
const isZero = (v: number): boolean => -TA_EPSILON < v && v < TA_EPSILON;

/**
 * Streaming twin of {@link adx}: equal to it value for value. `isStable`
 * turns true when the ADX itself is ready.
 *
 * @example
 * ```ts
 * import { ADX } from '@sextant/features';
 * const a = new ADX(14);
 * a.add({ high: 2, low: 1, close: 1.5 }).adx;
 * ```
 */
export class ADX extends StreamingIndicator<HLC, AdxValue, State> {
  readonly #period: number;

  /** @param period - smoothing period, 2..100000 */
  constructor(period: number) {
    assertPeriod('ADX', 'period', period, 2);
    const state = { prevH: 0, prevL: 0, prevC: 0, pDM: 0, mDM: 0, tr: 0, sumDX: 0, adx: 0 };
    super(state, EMPTY, 2 * period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLC, i: number): AdxValue {
    const period = this.#period;
    const h = c.high;
    const l = c.low;
    if (i === 0) {
      s.prevH = h;
      s.prevL = l;
      s.prevC = c.close;
      return EMPTY;
    }
    const diffP = h - s.prevH;
    const diffM = s.prevL - l;
    s.prevH = h;
    s.prevL = l;
    let t = h - l;
    let t2 = Math.abs(h - s.prevC);
    if (t2 > t) t = t2;
    t2 = Math.abs(l - s.prevC);
    if (t2 > t) t = t2;
    s.prevC = c.close;
    if (i < period) {
      if (diffM > 0 && diffP < diffM) s.mDM += diffM;
      else if (diffP > 0 && diffP > diffM) s.pDM += diffP;
      s.tr += t;
      return EMPTY;
    }
    s.mDM -= s.mDM / period;
    s.pDM -= s.pDM / period;
    if (diffM > 0 && diffP < diffM) s.mDM += diffM;
    else if (diffP > 0 && diffP > diffM) s.pDM += diffP;
    s.tr = s.tr - s.tr / period + t;
    let plusDI = 0;
    let minusDI = 0;
    if (!isZero(s.tr)) {
      minusDI = 100.0 * (s.mDM / s.tr);
      plusDI = 100.0 * (s.pDM / s.tr);
      const sum = minusDI + plusDI;
      if (!isZero(sum)) {
        const dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
        if (i < 2 * period) s.sumDX += dx;
        else s.adx = (s.adx * (period - 1) + dx) / period;
      }
    }
    if (i === 2 * period - 1) s.adx = s.sumDX / period;
    return { adx: i >= 2 * period - 1 ? s.adx : Number.NaN, plusDI, minusDI };
  }
}
