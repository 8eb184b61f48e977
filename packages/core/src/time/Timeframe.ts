/**
 * The candle timeframes Sextant understands, shortest first, with their
 * length in milliseconds.
 *
 * @example
 * ```ts
 * import { TIMEFRAMES } from '@sextant/core';
 * TIMEFRAMES['5m']; // 300000
 * ```
 */
export const TIMEFRAMES = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
  '1w': 604_800_000,
} as const;

/** A candle timeframe as ccxt writes it: `'1m' | '5m' | ... | '1w'`. */
export type Timeframe = keyof typeof TIMEFRAMES;

/** Every {@link Timeframe}, shortest first. */
export const TIMEFRAME_LIST = Object.keys(TIMEFRAMES) as readonly Timeframe[];

/**
 * Whether `value` is a supported {@link Timeframe}.
 *
 * @param value - anything
 * @returns true for `'1m' | '5m' | '15m' | '30m' | '1h' | '4h' | '1d' | '1w'`
 * @example
 * ```ts
 * import { isTimeframe } from '@sextant/core';
 * isTimeframe('5m'); // true
 * isTimeframe('7m'); // false
 * ```
 */
export function isTimeframe(value: unknown): value is Timeframe {
  return typeof value === 'string' && Object.hasOwn(TIMEFRAMES, value);
}
