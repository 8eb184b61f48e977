import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CandleSeries, candlesFromOHLCV } from '@sextant/core';

/** The real candle files in the repository's `data/ohlcv`. */
export const SHARED_OHLCV_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'ohlcv');

/** The ten real BTC-quoted 5m markets sharing one 20-day span. */
export const BTC_MARKETS = ['ETH', 'LTC', 'NXT', 'XLM', 'ETC', 'ADA', 'TRX', 'DASH', 'XMR', 'ZEC'].map(
  (b) => `${b}/BTC`,
);

/** One shared 5m *\/BTC file as a CandleSeries, e.g. `loadMarket('ETH/BTC')`. */
export function loadMarket(symbol: string, timeframe = '5m'): CandleSeries {
  const file = `${symbol.replace('/', '_')}-${timeframe}.json`;
  return candlesFromOHLCV(JSON.parse(readFileSync(join(SHARED_OHLCV_DIR, file), 'utf8')) as number[][]);
}

/** The ten BTC-quoted 5m markets by symbol. */
export function loadUniverse(): Record<string, CandleSeries> {
  return Object.fromEntries(BTC_MARKETS.map((s) => [s, loadMarket(s)]));
}
