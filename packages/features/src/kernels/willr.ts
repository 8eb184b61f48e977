import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { rawStochInto } from '../internal/rawStochInto.js';

/**
 * Williams %R, exact to TA-Lib's `WILLR` (ta_WILLR.c): `(highest - close) /
 * ((highest - lowest) / -100)`, 0 when the range is 0.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - look-back, 2..100000 (usual 14)
 * @returns values in -100..0; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { willr } from '@sextant/features';
 * const w = willr(series.high, series.low, series.close, 14);
 * ```
 */
export function willr(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  assertPeriod('willr', 'period', period, 2);
  const n = assertSameLength('willr', { high, low, close });
  const out = nanArray(n, period - 1);
  rawStochInto(high, low, close, period, out, true);
  return out;
}
