import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { column } from '../internal/column.js';
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
  vwapLoop(high, low, close, volume, period, out, n);
  return out;
}

/**
 * `close / vwap(…) - 1` (`scaleFree.relative`, NaN where the VWAP is 0 or
 * undefined): vwap()'s loop into the column, then the ratio in place.
 * Validation is the caller's. NaN for the first `period - 1` candles.
 */
export function closeVwapRelative(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
): Float64Array {
  const n = close.length;
  const out = column(n, period - 1);
  vwapLoop(high, low, close, volume, period, out, n);
  for (let i = period - 1; i < n; i++) {
    const v = out[i]!;
    out[i] = v !== 0 ? close[i]! / v - 1 : Number.NaN;
  }
  return out;
}

// The loop in a function of its own (see atr's atrLoop).
function vwapLoop(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
  out: Float64Array,
  n: number,
): void {
  // tp * v of the window in a ring (slot i % period) instead of an n-long
  // temporary column: the double subtracted when a bar leaves is the one
  // that was added, so the sums are the same as with the column.
  const ring = new Float64Array(period);
  let spv = 0;
  let sv = 0;
  let slot = 0;
  for (let i = 0; i < n; i++) {
    const x = ((high[i]! + low[i]! + close[i]!) / 3) * volume[i]!;
    ring[slot] = x;
    if (++slot === period) slot = 0; // now the slot of bar i - period + 1
    spv += x;
    sv += volume[i]!;
    if (i < period - 1) continue;
    out[i] = sv > 0 ? spv / sv : Number.NaN;
    spv -= ring[slot]!;
    sv -= volume[i - period + 1]!;
  }
}
