import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { TIMEFRAMES, isTimeframe, type Timeframe } from './Timeframe.js';

/**
 * The length of one candle of `timeframe` in milliseconds.
 *
 * @param timeframe - one of `'1m' | '5m' | '15m' | '30m' | '1h' | '4h' | '1d' | '1w'`
 * @returns milliseconds per candle
 * @throws InvalidArgumentError for an unknown timeframe
 * @example
 * ```ts
 * import { timeframeToMs } from '@sextant/core';
 * timeframeToMs('1h'); // 3600000
 * ```
 */
export function timeframeToMs(timeframe: Timeframe): number {
  if (!isTimeframe(timeframe)) {
    throw new InvalidArgumentError(
      `Unknown timeframe "${String(timeframe)}"; expected one of ${Object.keys(TIMEFRAMES).join(', ')}`,
    );
  }
  return TIMEFRAMES[timeframe];
}
