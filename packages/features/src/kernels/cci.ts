import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { cciWindow } from '../internal/cciWindow.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Commodity channel index, exact to TA-Lib's `CCI` (ta_CCI.c): typical price
 * `(h + l + c) / 3`, its SMA and mean absolute deviation over `period`,
 * `(tp - sma) / (0.015 * meanDev)`, 0 when either is 0. The window sits in a
 * ring summed in TA-Lib's circular-buffer order, so ties at 0 (flat markets)
 * match.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - window, 2..100000 (usual 20)
 * @returns an array of `close.length`; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { cci } from '@sextant/features';
 * const c = cci(series.high, series.low, series.close, 20);
 * ```
 */
export function cci(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  assertPeriod('cci', 'period', period, 2);
  const n = assertSameLength('cci', { high, low, close });
  const out = nanArray(n, period - 1);
  const ring = new Float64Array(period);
  let slot = 0; // i % period, without a division per candle
  for (let i = 0; i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    ring[slot] = tp;
    if (++slot === period) slot = 0;
    if (i < period - 1) continue;
    out[i] = cciWindow(ring, period, tp);
  }
  return out;
}
