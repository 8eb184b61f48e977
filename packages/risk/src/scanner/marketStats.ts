import type { CandleSeries } from '@sextant/core';

/** Technical components of one market at its last candle, or why they cannot be computed. */
export type MarketStats =
  | { ok: true; momentum: number; trend: number; volume: number; above: boolean }
  | { ok: false; reason: string };

/**
 * Momentum, trend, volume surge and "close above its SMA" at the last candle
 * of a series. Internal to the scanner.
 *
 * @param series - candles, oldest first
 * @param lookback - candles
 * @returns the components, or a reason
 */
export function marketStats(series: CandleSeries, lookback: number): MarketStats {
  const n = series.length;
  if (n < lookback + 1) return { ok: false, reason: `${n} candles, need ${lookback + 1}` };
  const { close, volume } = series;
  const last = close[n - 1]!;
  const then = close[n - 1 - lookback]!;
  let sum = 0;
  let qv = 0;
  let qvRecent = 0;
  const quarter = Math.max(1, Math.floor(lookback / 4));
  for (let i = n - lookback; i < n; i++) {
    sum += close[i]!;
    const q = close[i]! * volume[i]!;
    qv += q;
    if (i >= n - quarter) qvRecent += q;
  }
  const sma = sum / lookback;
  const momentum = last / then - 1;
  const trend = last / sma - 1;
  const volumeSurge = qv > 0 && qvRecent > 0 ? Math.log(qvRecent / quarter / (qv / lookback)) : 0;
  if (![momentum, trend, volumeSurge].every(Number.isFinite)) {
    return { ok: false, reason: `non-finite statistics (close ${last}, ${lookback} candles ago ${then})` };
  }
  return { ok: true, momentum, trend, volume: volumeSurge, above: last > sma };
}
