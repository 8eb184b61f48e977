import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Rate of change in percent, exact to TA-Lib's `ROC` (ta_ROC.c):
 * `(x / x[-period] - 1) * 100`, 0 when the old value is 0.
 *
 * @param values - input series, oldest first
 * @param period - look-back in bars, 1..100000 (usual 10)
 * @returns percent change; the first `period` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range
 * @example
 * ```ts
 * import { roc } from '@sextant/features';
 * roc(Float64Array.from([100, 110]), 1); // [NaN, 10.000000000000009]
 * ```
 */
export function roc(values: Float64Array, period: number): Float64Array {
  assertPeriod('roc', 'period', period, 1);
  const n = values.length;
  const out = nanArray(n, period);
  rocInto(values, period, out, 1);
  return out;
}

/** {@link roc}'s loop into `out[period ..]`, each value times `scale` (1 leaves it unchanged). */
export function rocInto(values: Float64Array, period: number, out: Float64Array, scale: number): void {
  const n = values.length;
  for (let i = period; i < n; i++) {
    const old = values[i - period]!;
    out[i] = (old !== 0.0 ? (values[i]! / old - 1.0) * 100.0 : 0.0) * scale;
  }
}
