import { assertPeriod } from '../internal/assertPeriod.js';

/**
 * Simple forward return over `horizonBars`: `close[i + h] / close[i] - 1`.
 * The last `horizonBars` entries, whose horizon runs past the data, are NaN.
 * A label (it looks ahead on purpose): never use it as a feature.
 *
 * @param close - closes, oldest first
 * @param horizonBars - horizon in bars, 1..100000
 * @returns forward returns; the last `horizonBars` entries are NaN
 * @throws InvalidArgumentError when `horizonBars` is out of range
 * @example
 * ```ts
 * import { forwardReturn } from '@sextant/features';
 * forwardReturn(Float64Array.from([100, 110, 99]), 1); // [0.1, -0.1, NaN]
 * ```
 */
export function forwardReturn(close: Float64Array, horizonBars: number): Float64Array {
  assertPeriod('forwardReturn', 'horizonBars', horizonBars, 1);
  const n = close.length;
  const out = new Float64Array(n);
  const last = n - horizonBars;
  for (let i = 0; i < last; i++) out[i] = close[i + horizonBars]! / close[i]! - 1;
  out.fill(Number.NaN, Math.max(0, last));
  return out;
}
