import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { smaFrom } from '../internal/smaFrom.js';

/**
 * Simple moving average, exact to TA-Lib's `SMA` (running sum, ta_SMA.c).
 *
 * @param values - input series, oldest first
 * @param period - window length, an integer from 1 to 100000
 * @returns an array of `values.length`; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { sma } from '@sextant/features';
 * sma(Float64Array.from([1, 2, 3, 4]), 2); // [NaN, 1.5, 2.5, 3.5]
 * ```
 */
export function sma(values: Float64Array, period: number): Float64Array {
  assertPeriod('sma', 'period', period, 1);
  const out = nanArray(values.length, period - 1);
  smaFrom(values, 0, period, out);
  return out;
}
