import { TA_EPSILON } from '../internal/taConstants.js';
import { atr } from './atr.js';

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
