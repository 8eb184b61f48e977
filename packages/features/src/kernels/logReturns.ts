import { assertPeriod } from '../internal/assertPeriod.js';
import { logRatio } from '../internal/logRatio.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Log returns over `period` bars, `ln(x / x[-period])`. Equals TA-Lib's
 * `LN(ROCR(x, period))`, the reference it is tested against.
 *
 * @param values - positive prices, oldest first
 * @param period - look-back in bars, 1..100000, default 1
 * @returns log returns; the first `period` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range
 * @example
 * ```ts
 * import { logReturns } from '@sextant/features';
 * logReturns(Float64Array.from([1, Math.E])); // [NaN, 1]
 * ```
 */
export function logReturns(values: Float64Array, period = 1): Float64Array {
  assertPeriod('logReturns', 'period', period, 1);
  const n = values.length;
  const out = nanArray(n, period);
  logReturnsInto(values, period, out);
  return out;
}

/** {@link logReturns}' loop into `out[period ..]` (the pipeline passes an unzeroed column). */
export function logReturnsInto(values: Float64Array, period: number, out: Float64Array): void {
  const n = values.length;
  for (let i = period; i < n; i++) out[i] = logRatio(values[i]!, values[i - period]!);
}
