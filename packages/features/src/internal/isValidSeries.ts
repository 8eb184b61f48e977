import type { CandleSeries } from '@sextant/core';

/**
 * Fast pre-check of what `validateCandles` (core) rejects: finite,
 * non-negative values, high >= open/close >= low, strictly increasing
 * timestamps. True when the series is clean; callers run core's
 * `assertValidCandles` only on false, for its detailed message.
 */
export function isValidSeries(s: CandleSeries): boolean {
  const { timestamp, open, high, low, close, volume } = s;
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < s.length; i++) {
    const t = timestamp[i]!;
    const o = open[i]!;
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    const v = volume[i]!;
    // Comparisons with NaN are false, so NaN fails every line below.
    if (!(t > prev) || !(l >= 0) || !(v >= 0) || !(h >= o && h >= c && l <= o && l <= c)) return false;
    if (h === Number.POSITIVE_INFINITY || v === Number.POSITIVE_INFINITY || !Number.isFinite(t)) return false;
    prev = t;
  }
  return true;
}
