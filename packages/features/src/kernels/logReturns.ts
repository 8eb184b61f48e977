import { assertPeriod } from '../internal/assertPeriod.js';
import { logRatio } from '../internal/logRatio.js';
import { logReturnsTilesInto } from '../internal/logReturnsTilesInto.js';
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

/**
 * {@link logReturns}' values into `out[period ..]` (the pipeline passes an
 * unzeroed column): in WebAssembly where it runs ({@link logReturnsTilesInto},
 * bit-equal), else this loop.
 */
export function logReturnsInto(values: Float64Array, period: number, out: Float64Array): void {
  if (logReturnsTilesInto(values, period, out)) return;
  const n = values.length;
  for (let i = period; i < n; i++) out[i] = logRatio(values[i]!, values[i - period]!);
}
