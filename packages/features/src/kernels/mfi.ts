import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Money flow index, exact to TA-Lib's `MFI` (ta_MFI.c): positive and
 * negative money flow (typical price x volume) over `period` bars,
 * `100 * pos / (pos + neg)`; 0 when the total flow is below 1, as in TA-Lib.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param volume - volumes
 * @param period - window, 2..100000 (usual 14)
 * @returns values in 0..100; the first `period` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { mfi } from '@sextant/features';
 * const m = mfi(series.high, series.low, series.close, series.volume, 14);
 * ```
 */
export function mfi(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
): Float64Array {
  assertPeriod('mfi', 'period', period, 2);
  const n = assertSameLength('mfi', { high, low, close, volume });
  const out = nanArray(n, period);
  if (n <= period) return out;
  const posR = new Float64Array(period);
  const negR = new Float64Array(period);
  let pos = 0;
  let neg = 0;
  let prev = (high[0]! + low[0]! + close[0]!) / 3.0;
  let slot = 0;
  for (let i = 1; i < n; i++) {
    if (i > period) {
      pos -= posR[slot]!;
      neg -= negR[slot]!;
    }
    let tp = (high[i]! + low[i]! + close[i]!) / 3.0;
    const d = tp - prev;
    prev = tp;
    tp *= volume[i]!;
    if (d < 0) {
      negR[slot] = tp;
      neg += tp;
      posR[slot] = 0.0;
    } else if (d > 0) {
      posR[slot] = tp;
      pos += tp;
      negR[slot] = 0.0;
    } else {
      posR[slot] = 0.0;
      negR[slot] = 0.0;
    }
    if (++slot === period) slot = 0;
    if (i >= period) {
      const s = pos + neg;
      out[i] = s < 1.0 ? 0.0 : 100.0 * (pos / s);
    }
  }
  return out;
}
