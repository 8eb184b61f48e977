import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Momentum `x - x[-period]`, exact to TA-Lib's `MOM` (ta_MOM.c).
 *
 * @param values - input series, oldest first
 * @param period - look-back in bars, 1..100000 (usual 10)
 * @returns differences; the first `period` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range
 * @example
 * ```ts
 * import { mom } from '@sextant/features';
 * mom(Float64Array.from([1, 3, 6]), 1); // [NaN, 2, 3]
 * ```
 */
export function mom(values: Float64Array, period: number): Float64Array {
  assertPeriod('mom', 'period', period, 1);
  const n = values.length;
  const out = nanArray(n, period);
  for (let i = period; i < n; i++) out[i] = values[i]! - values[i - period]!;
  return out;
}
