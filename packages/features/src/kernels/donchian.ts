import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { donchianInto } from '../internal/donchianInto.js';
import type { ChannelResult } from './keltner.js';

/**
 * Donchian channel: highest high and lowest low of the last `period` bars and
 * their midpoint. Equals TA-Lib's `MAX(high)` and `MIN(low)`, computed the
 * way TA-Lib does (rescan only when the extreme leaves the window), all
 * three lines in one pass.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param period - window, 2..100000 (usual 20)
 * @returns the channel; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { donchian } from '@sextant/features';
 * const { upper, lower } = donchian(series.high, series.low, 20);
 * ```
 */
export function donchian(high: Float64Array, low: Float64Array, period: number): ChannelResult {
  assertPeriod('donchian', 'period', period, 2);
  const n = assertSameLength('donchian', { high, low });
  const upper = nanArray(n, period - 1);
  const lower = nanArray(n, period - 1);
  const middle = nanArray(n, period - 1);
  if (n < period) return { upper, middle, lower };
  donchianInto(high, low, period, upper, lower, middle, undefined);
  return { upper, middle, lower };
}
