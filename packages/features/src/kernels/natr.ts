import { column } from '../internal/column.js';
import { TA_EPSILON } from '../internal/taConstants.js';
import { trueRangeInto } from '../internal/trueRange.js';
import { atr, atrInto } from './atr.js';

/**
 * Normalised ATR, `100 * ATR / close`, exact to TA-Lib's `NATR` (ta_NATR.c;
 * 0 where the close is within 1e-14 of zero). Scale-free, except that for
 * `period` 1 TA-Lib returns the raw true range (ta_NATR.c short-circuits to
 * `TRANGE` without normalising), and so does this function.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - smoothing period, 1..100000 (1 gives TA-Lib's raw true range)
 * @returns percent of price; the first `period` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { natr } from '@sextant/features';
 * const pct = natr(series.high, series.low, series.close, 14);
 * ```
 */
export function natr(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const out = atr(high, low, close, period);
  if (period === 1) return out; // TA-Lib: NATR(1) is TRANGE, not normalised
  for (let i = period; i < out.length; i++) {
    const c = close[i]!;
    out[i] = -TA_EPSILON < c && c < TA_EPSILON ? 0 : (out[i]! / c) * 100.0;
  }
  return out;
}

/**
 * `natr()` times `scale` (the pipeline's ATR/close feature): `atr()`'s loop
 * (ta_ATR.c) into the column, each value then normalised as `natr()` does
 * and scaled in place. Validation is the caller's; `natr(…, 1)` is the true
 * range, as in `natr()`.
 */
export function natrScaled(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  scale: number,
): Float64Array {
  const n = close.length;
  if (period === 1) {
    const tr = column(n);
    trueRangeInto(high, low, close, tr);
    for (let i = 0; i < n; i++) tr[i] = tr[i]! * scale;
    return tr;
  }
  const out = column(n, period);
  if (n <= period) return out;
  // ATR's loop, then TA-Lib's normalisation in place: the same values as one
  // fused loop, since each ATR is stored and then divided.
  atrInto(high, low, close, period, out);
  for (let i = period; i < n; i++) {
    const c = close[i]!;
    out[i] = (-TA_EPSILON < c && c < TA_EPSILON ? 0 : (out[i]! / c) * 100.0) * scale;
  }
  return out;
}
