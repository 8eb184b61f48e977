import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { cciInto } from '../internal/cciInto.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Commodity channel index, exact to TA-Lib's `CCI` (ta_CCI.c): typical price
 * `(h + l + c) / 3`, its SMA and mean absolute deviation over `period`,
 * `(tp - sma) / (0.015 * meanDev)`, 0 when either is 0. The window sits in
 * TA-Lib's circular buffer and both sums run in its slot order, so every
 * value is TA-Lib's to the bit (ties at 0 in flat markets included). For
 * speed, eight bars are summed side by side in WebAssembly (windows up to
 * 1,024 bars), else four in JavaScript.
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
  cciInto(high, low, close, period, out);
  return out;
}
