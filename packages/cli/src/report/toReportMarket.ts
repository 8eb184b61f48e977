import type { BacktestResult, CandleSeries } from '@sextant/core';
import { bollinger, ema } from '@sextant/features';
import type { ReportMarket } from './ReportData.type.js';

/**
 * One market's backtest as report data: the replayed candles (from `from`),
 * EMA 50 and Bollinger (20, 2) overlays computed on the full series (so they
 * are warmed up at the first replayed candle), trades, equity and metrics.
 *
 * @param symbol - market
 * @param s - the market's full candle series
 * @param r - its backtest result
 * @param from - first replayed candle's open time, ms UTC
 * @param startEquity - starting equity of the run
 * @returns the report section's data
 */
export function toReportMarket(
  symbol: string,
  s: CandleSeries,
  r: BacktestResult,
  from: number,
  startEquity: number,
): ReportMarket {
  let i0 = 0;
  while (i0 < s.length && (s.timestamp[i0] as number) < from) i0++;
  const cut = (a: Float64Array) => a.subarray(i0);
  const candles: CandleSeries = {
    timestamp: cut(s.timestamp),
    open: cut(s.open),
    high: cut(s.high),
    low: cut(s.low),
    close: cut(s.close),
    volume: cut(s.volume),
    length: s.length - i0,
  };
  const bands = bollinger(s.close, 20, 2);
  return {
    symbol,
    candles,
    overlays: [
      { name: 'ema_50', values: cut(ema(s.close, 50)), color: '#ff9800' },
      { name: 'bb_upper', values: cut(bands.upper), color: '#90a4ae' },
      { name: 'bb_lower', values: cut(bands.lower), color: '#90a4ae' },
    ],
    trades: r.trades,
    equity: r.equity,
    metrics: r.metrics,
    startEquity,
  };
}
