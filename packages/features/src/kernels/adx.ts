import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { TA_EPSILON } from '../internal/taConstants.js';

/** The three lines of {@link adx}. */
export interface AdxResult {
  /** Average directional index, 0..100. */
  readonly adx: Float64Array;
  /** +DI, 0..100 (TA-Lib `PLUS_DI`). */
  readonly plusDI: Float64Array;
  /** -DI, 0..100 (TA-Lib `MINUS_DI`). */
  readonly minusDI: Float64Array;
}

const isZero = (v: number): boolean => -TA_EPSILON < v && v < TA_EPSILON;

/**
 * Average directional index with +DI and -DI (Wilder smoothing), exact to
 * TA-Lib's `ADX`, `PLUS_DI` and `MINUS_DI` (ta_ADX.c and friends).
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - smoothing period, 2..100000 (usual 14)
 * @returns ADX (first `2 * period - 1` entries NaN) and the DIs (first `period` NaN)
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { adx } from '@sextant/features';
 * const { adx: strength, plusDI, minusDI } = adx(series.high, series.low, series.close, 14);
 * ```
 */
export function adx(high: Float64Array, low: Float64Array, close: Float64Array, period: number): AdxResult {
  assertPeriod('adx', 'period', period, 2);
  const n = assertSameLength('adx', { high, low, close });
  const out = nanArray(n, 2 * period - 1);
  const plusDI = nanArray(n, period);
  const minusDI = nanArray(n, period);
  if (n <= period) return { adx: out, plusDI, minusDI };
  adxInto(high, low, close, period, out, plusDI, minusDI, 1);
  return { adx: out, plusDI, minusDI };
}

// The loop lives in its own function with no calls before it, so V8
// optimises it with full type feedback (see mfi.ts).
export function adxInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  plusDI: Float64Array,
  minusDI: Float64Array,
  scale: number,
): void {
  const n = close.length;
  let prevH = high[0]!;
  let prevL = low[0]!;
  let prevC = close[0]!;
  let pDM = 0;
  let mDM = 0;
  let tr = 0;
  let sumDX = 0;
  let adxv = 0;
  const pm1 = period - 1;
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const diffP = h - prevH;
    const diffM = prevL - l;
    prevH = h;
    prevL = l;
    let t = h - l;
    let t2 = Math.abs(h - prevC);
    if (t2 > t) t = t2;
    t2 = Math.abs(l - prevC);
    if (t2 > t) t = t2;
    prevC = close[i]!;
    // Which directional move counts is random on market data, so it is
    // chosen without branches: the move times 1 or 0, and adding 0 leaves
    // the sum unchanged. Non-finite moves (x * 0 is NaN) take TA-Lib's
    // branches literally.
    let addM: number;
    let addP: number;
    if (diffM - diffM === 0 && diffP - diffP === 0) {
      const m = +(diffM > 0) & +(diffP < diffM);
      addM = diffM * m;
      addP = diffP * ((m ^ 1) & +(diffP > 0) & +(diffP > diffM));
    } else {
      addM = diffM > 0 && diffP < diffM ? diffM : 0;
      addP = addM === 0 && diffP > 0 && diffP > diffM ? diffP : 0;
    }
    if (i < period) {
      mDM += addM;
      pDM += addP;
      tr += t;
      continue;
    }
    mDM -= mDM / period;
    pDM -= pDM / period;
    mDM += addM;
    pDM += addP;
    tr = tr - tr / period + t;
    if (isZero(tr)) {
      plusDI[i] = 0;
      minusDI[i] = 0;
    } else {
      const mdi = 100.0 * (mDM / tr);
      const pdi = 100.0 * (pDM / tr);
      plusDI[i] = pdi * scale;
      minusDI[i] = mdi * scale;
      const s = mdi + pdi;
      if (!isZero(s)) {
        const dx = 100.0 * (Math.abs(mdi - pdi) / s);
        if (i < 2 * period) sumDX += dx;
        else adxv = (adxv * pm1 + dx) / period;
      }
    }
    if (i === 2 * period - 1) adxv = sumDX / period;
    if (i >= 2 * period - 1) out[i] = adxv * scale;
  }
}
