import type { CandleSeries, OHLCVRow } from './CandleSeries.type.js';

/**
 * ccxt's row layout `[ts, o, h, l, c, v]` from a {@link CandleSeries}; the
 * inverse of {@link candlesFromOHLCV}.
 *
 * @param series - columnar candles
 * @returns one row per candle
 * @example
 * ```ts
 * import { candlesFromOHLCV, toOHLCV } from '@sextant/core';
 * toOHLCV(candlesFromOHLCV(rows)); // deep-equals rows
 * ```
 */
export function toOHLCV(series: CandleSeries): OHLCVRow[] {
  const out: OHLCVRow[] = new Array(series.length);
  for (let i = 0; i < series.length; i++) {
    out[i] = [
      series.timestamp[i] as number,
      series.open[i] as number,
      series.high[i] as number,
      series.low[i] as number,
      series.close[i] as number,
      series.volume[i] as number,
    ];
  }
  return out;
}
