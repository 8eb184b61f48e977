import { assertFinite, assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { atr } from './atr.js';
import { ema } from './ema.js';

/** The three lines of {@link keltner} and {@link donchian}. */
export interface ChannelResult {
  /** Upper line. */
  readonly upper: Float64Array;
  /** Middle line. */
  readonly middle: Float64Array;
  /** Lower line. */
  readonly lower: Float64Array;
}

/**
 * Keltner channels in the modern (Raschke) form: EMA of the close plus and
 * minus `multiplier` x ATR. TA-Lib has no Keltner function; this matches
 * pandas-ta's `kc(mamode="ema", tr=True)` built from TA-Lib's EMA and ATR.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param period - EMA period, 2..100000 (usual 20)
 * @param multiplier - ATR multiple (usual 2)
 * @param atrPeriod - ATR period, 1..100000, default `period`
 * @returns the channel; NaN until both the EMA and the ATR are ready
 * @throws InvalidArgumentError when lengths differ or a parameter is out of range
 * @example
 * ```ts
 * import { keltner } from '@sextant/features';
 * const { upper, middle, lower } = keltner(series.high, series.low, series.close, 20, 2, 10);
 * ```
 */
export function keltner(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  multiplier: number,
  atrPeriod: number = period,
): ChannelResult {
  assertPeriod('keltner', 'period', period, 2);
  assertPeriod('keltner', 'atrPeriod', atrPeriod, 1);
  assertFinite('keltner', 'multiplier', multiplier);
  const n = assertSameLength('keltner', { high, low, close });
  const middle = ema(close, period);
  const a = atr(high, low, close, atrPeriod);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = a[i]! * multiplier;
    const m = middle[i]!;
    upper[i] = m + w;
    lower[i] = m - w;
  }
  const lb = Math.max(period - 1, atrPeriod);
  middle.fill(Number.NaN, 0, Math.min(n, lb));
  upper.fill(Number.NaN, 0, Math.min(n, lb));
  lower.fill(Number.NaN, 0, Math.min(n, lb));
  return { upper, middle, lower };
}
