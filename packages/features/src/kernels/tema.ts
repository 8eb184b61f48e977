import { assertPeriod } from '../internal/assertPeriod.js';
import { emaFrom } from '../internal/emaFrom.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Triple exponential moving average `3 * EMA - 3 * EMA(EMA) + EMA(EMA(EMA))`,
 * exact to TA-Lib's `TEMA` (ta_TEMA.c).
 *
 * @param values - input series, oldest first
 * @param period - smoothing period, an integer from 2 to 100000
 * @returns an array of `values.length`; the first `3 * (period - 1)` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { tema } from '@sextant/features';
 * const t = tema(closes, 20);
 * ```
 */
export function tema(values: Float64Array, period: number): Float64Array {
  assertPeriod('tema', 'period', period, 2);
  const n = values.length;
  const lb = period - 1;
  const k = 2 / (period + 1);
  const e1 = nanArray(n, lb);
  emaFrom(values, 0, period, k, e1);
  const e2 = nanArray(n, 2 * lb);
  emaFrom(e1, lb, period, k, e2);
  const out = nanArray(n, 3 * lb);
  emaFrom(e2, 2 * lb, period, k, out);
  for (let i = 3 * lb; i < n; i++) out[i] = out[i]! + (3.0 * e1[i]! - 3.0 * e2[i]!);
  return out;
}
