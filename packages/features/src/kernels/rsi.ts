import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { TA_EPSILON } from '../internal/taConstants.js';

/**
 * Relative strength index with Wilder smoothing, exact to TA-Lib's `RSI`
 * (ta_RSI.c, no unstable period): `100 * avgGain / (avgGain + avgLoss)`,
 * 0 when both averages are within TA-Lib's epsilon of zero.
 *
 * @param values - input series, oldest first
 * @param period - smoothing period, an integer from 2 to 100000
 * @returns values in 0..100; the first `period` entries are NaN
 * @throws InvalidArgumentError when `period` is not an integer in range
 * @example
 * ```ts
 * import { rsi } from '@sextant/features';
 * const r = rsi(series.close, 14);
 * ```
 */
export function rsi(values: Float64Array, period: number): Float64Array {
  assertPeriod('rsi', 'period', period, 2);
  const n = values.length;
  const out = nanArray(n, period);
  if (n <= period) return out;
  rsiInto(values, period, out, 1);
  return out;
}

/**
 * {@link rsi}'s loop into `out[period ..]` (needs `values.length > period`),
 * each value times `scale` (the pipeline's 0.01; 1 leaves it unchanged).
 */
export function rsiInto(values: Float64Array, period: number, out: Float64Array, scale: number): void {
  const n = values.length;
  let prev = values[0]!;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const x = values[i]!;
    const d = x - prev;
    prev = x;
    if (d < 0) loss -= d;
    else gain += d;
  }
  loss /= period;
  gain /= period;
  let s = gain + loss;
  out[period] = (-TA_EPSILON < s && s < TA_EPSILON ? 0 : 100.0 * (gain / s)) * scale;
  const pm1 = period - 1;
  for (let i = period + 1; i < n; i++) {
    const x = values[i]!;
    const d = x - prev;
    prev = x;
    loss *= pm1;
    gain *= pm1;
    if (d < 0) loss -= d;
    else gain += d;
    loss /= period;
    gain /= period;
    s = gain + loss;
    out[i] = (-TA_EPSILON < s && s < TA_EPSILON ? 0 : 100.0 * (gain / s)) * scale;
  }
}
