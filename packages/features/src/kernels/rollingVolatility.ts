import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { stddevInto } from '../internal/varianceFrom.js';
import { logReturns } from './logReturns.js';

/**
 * Rolling volatility: the population standard deviation of one-bar log
 * returns over `period` bars (not annualised). Equals TA-Lib's
 * `STDDEV(LN(ROCR(x, 1)), period)`, the reference it is tested against.
 *
 * @param values - positive prices, oldest first
 * @param period - window, 2..100000 (usual 20)
 * @returns standard deviations; the first `period` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range
 * @example
 * ```ts
 * import { rollingVolatility } from '@sextant/features';
 * const vol = rollingVolatility(series.close, 20);
 * ```
 */
export function rollingVolatility(values: Float64Array, period: number): Float64Array {
  assertPeriod('rollingVolatility', 'period', period, 2);
  const n = values.length;
  const out = nanArray(n, period);
  if (n <= period) return out;
  const r = logReturns(values, 1).subarray(1);
  stddevInto(r, period, 1, out.subarray(1));
  return out;
}
