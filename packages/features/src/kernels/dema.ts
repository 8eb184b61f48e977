import { assertPeriod } from '../internal/assertPeriod.js';
import { emaFrom } from '../internal/emaFrom.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Double exponential moving average `2 * EMA - EMA(EMA)`, exact to TA-Lib's
 * `DEMA` (ta_DEMA.c).
 *
 * @param values - input series, oldest first
 * @param period - smoothing period, an integer from 2 to 100000
 * @returns an array of `values.length`; the first `2 * (period - 1)` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { dema } from '@sextant/features';
 * const d = dema(closes, 20);
 * ```
 */
export function dema(values: Float64Array, period: number): Float64Array {
  assertPeriod('dema', 'period', period, 2);
  const n = values.length;
  const lb = period - 1;
  const k = 2 / (period + 1);
  const e1 = nanArray(n, lb);
  emaFrom(values, 0, period, k, e1);
  const e2 = nanArray(n, 2 * lb);
  emaFrom(e1, lb, period, k, e2);
  const out = nanArray(n, 2 * lb);
  for (let i = 2 * lb; i < n; i++) out[i] = 2.0 * e1[i]! - e2[i]!;
  return out;
}
