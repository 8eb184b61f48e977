import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Linearly weighted moving average (weights 1..period, newest heaviest),
 * exact to TA-Lib's `WMA` (ta_WMA.c running sums).
 *
 * @param values - input series, oldest first
 * @param period - window length, an integer from 2 to 100000
 * @returns an array of `values.length`; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { wma } from '@sextant/features';
 * wma(Float64Array.from([1, 2, 3]), 2); // [NaN, 5/3, 8/3]
 * ```
 */
export function wma(values: Float64Array, period: number): Float64Array {
  assertPeriod('wma', 'period', period, 2);
  const n = values.length;
  const out = nanArray(n, period - 1);
  if (n < period) return out;
  const divider = (period * (period + 1)) >> 1;
  let periodSum = 0;
  let periodSub = 0;
  let i = 0;
  for (let w = 1; i < period - 1; i++, w++) {
    const x = values[i]!;
    periodSub += x;
    periodSum += x * w;
  }
  let trailing = 0;
  for (let t = 0; i < n; i++, t++) {
    const x = values[i]!;
    periodSub += x;
    periodSub -= trailing;
    periodSum += x * period;
    trailing = values[t]!;
    out[i] = periodSum / divider;
    periodSum -= periodSub;
  }
  return out;
}
