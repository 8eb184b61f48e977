import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { trueRangeInto } from '../internal/trueRange.js';

/**
 * Average true range with Wilder smoothing, exact to TA-Lib's `ATR`
 * (ta_ATR.c): seeded with the SMA of the first `period` true ranges (from
 * bar 1), then `(prev * (period - 1) + tr) / period`.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - smoothing period, 1..100000 (1 gives the true range)
 * @returns an array of `close.length`; the first `period` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { atr } from '@sextant/features';
 * const a = atr(series.high, series.low, series.close, 14);
 * ```
 */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  assertPeriod('atr', 'period', period, 1);
  const n = assertSameLength('atr', { high, low, close });
  if (period === 1) {
    const tr = new Float64Array(n);
    trueRangeInto(high, low, close, tr);
    return tr;
  }
  const out = nanArray(n, period);
  if (n <= period) return out;
  atrInto(high, low, close, period, out);
  return out;
}

/**
 * {@link atr}'s loop into `out[period ..]` (writes nothing when
 * `length <= period`), shared with the pipeline's NATR column. In a function
 * of its own, as in mfi: a loop behind helper calls in the same function
 * runs as on-stack-replaced code that boxes its running sums (a heap number
 * per bar, 16 MB of garbage per million).
 */
export function atrInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
): void {
  const n = close.length;
  let total = 0;
  let prev = 0;
  const pm1 = period - 1;
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const cy = close[i - 1]!;
    let g = h - l;
    const v2 = Math.abs(cy - h);
    if (v2 > g) g = v2;
    const v3 = Math.abs(cy - l);
    if (v3 > g) g = v3;
    if (i < period) {
      total += g;
    } else if (i === period) {
      total += g;
      prev = total / period;
      out[i] = prev;
    } else {
      prev *= pm1;
      prev += g;
      prev /= period;
      out[i] = prev;
    }
  }
}
