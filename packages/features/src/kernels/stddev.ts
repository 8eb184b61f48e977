import { assertFinite, assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { stddevInto } from '../internal/varianceFrom.js';

/**
 * Rolling population standard deviation times `nbDev`, exact to TA-Lib's
 * `STDDEV` (ta_STDDEV.c over ta_VAR.c; a variance below 1e-14 gives 0).
 *
 * @param values - input series, oldest first
 * @param period - window length, 2..100000
 * @param nbDev - multiplier, default 1
 * @returns an array of `values.length`; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range or `nbDev` not finite
 * @example
 * ```ts
 * import { stddev } from '@sextant/features';
 * const sd = stddev(series.close, 20);
 * ```
 */
export function stddev(values: Float64Array, period: number, nbDev = 1): Float64Array {
  assertPeriod('stddev', 'period', period, 2);
  assertFinite('stddev', 'nbDev', nbDev);
  const out = nanArray(values.length, period - 1);
  stddevInto(values, period, nbDev, out);
  return out;
}
