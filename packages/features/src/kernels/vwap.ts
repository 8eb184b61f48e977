import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Rolling volume-weighted average price over `period` bars:
 * `sum(tp * v) / sum(v)` with typical price `tp = (h + l + c) / 3`, NaN when
 * the window has no volume. Running sums as in TA-Lib's `SUM`, which is the
 * reference it is tested against.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param volume - volumes
 * @param period - window, 1..100000 (e.g. 20)
 * @returns prices; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { vwap } from '@sextant/features';
 * const v = vwap(series.high, series.low, series.close, series.volume, 20);
 * ```
 */
export function vwap(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
): Float64Array {
  assertPeriod('vwap', 'period', period, 1);
  const n = assertSameLength('vwap', { high, low, close, volume });
  const out = nanArray(n, period - 1);
  const pv = new Float64Array(n);
  for (let i = 0; i < n; i++) pv[i] = ((high[i]! + low[i]! + close[i]!) / 3) * volume[i]!;
  let spv = 0;
  let sv = 0;
  for (let i = 0; i < period - 1 && i < n; i++) {
    spv += pv[i]!;
    sv += volume[i]!;
  }
  for (let i = period - 1, t = 0; i < n; i++, t++) {
    spv += pv[i]!;
    sv += volume[i]!;
    out[i] = sv > 0 ? spv / sv : Number.NaN;
    spv -= pv[t]!;
    sv -= volume[t]!;
  }
  return out;
}
