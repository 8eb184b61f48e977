import { assertPeriod } from '../internal/assertPeriod.js';
import { emaFrom } from '../internal/emaFrom.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Exponential moving average, exact to TA-Lib's `EMA` (ta_EMA.c, default
 * compatibility): seeded with the SMA of the first `period` values, then
 * `prev + (x - prev) * 2 / (period + 1)`.
 *
 * @param values - input series, oldest first
 * @param period - smoothing period, an integer from 2 to 100000
 * @returns an array of `values.length`; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { ema } from '@sextant/features';
 * ema(Float64Array.from([1, 2, 3, 4]), 2); // [NaN, 1.5, 2.5, 3.5]
 * ```
 */
export function ema(values: Float64Array, period: number): Float64Array {
  assertPeriod('ema', 'period', period, 2);
  const out = nanArray(values.length, period - 1);
  emaFrom(values, 0, period, 2 / (period + 1), out);
  return out;
}
