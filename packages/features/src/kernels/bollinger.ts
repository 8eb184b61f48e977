import { assertFinite, assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { bollingerInto } from '../internal/bollingerInto.js';

/** The three bands of {@link bollinger}. */
export interface BollingerResult {
  /** Middle band plus `stdDev` standard deviations. */
  readonly upper: Float64Array;
  /** The SMA. */
  readonly middle: Float64Array;
  /** Middle band minus `stdDev` standard deviations. */
  readonly lower: Float64Array;
}

/**
 * Bollinger Bands, exact to TA-Lib's `BBANDS` with an SMA middle band
 * (ta_BBANDS.c): population standard deviation from running sums; a variance
 * below TA-Lib's epsilon (1e-14) counts as 0, as in TA-Lib, which matters for
 * prices around 1e-7 and below.
 *
 * @param values - input series, oldest first
 * @param period - window length, 2..100000 (TA-Lib default 5, usual 20)
 * @param stdDev - band width in standard deviations (usual 2)
 * @returns the three bands; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when `period` is out of range or `stdDev` not finite
 * @example
 * ```ts
 * import { bollinger } from '@sextant/features';
 * const { upper, middle, lower } = bollinger(series.close, 20, 2);
 * ```
 */
export function bollinger(values: Float64Array, period: number, stdDev: number): BollingerResult {
  assertPeriod('bollinger', 'period', period, 2);
  assertFinite('bollinger', 'stdDev', stdDev);
  const n = values.length;
  const middle = nanArray(n, period - 1);
  const upper = nanArray(n, period - 1);
  const lower = nanArray(n, period - 1);
  bollingerInto(values, period, stdDev, upper, lower, middle, undefined);
  return { upper, middle, lower };
}
