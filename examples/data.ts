import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { type CandleSeries, candlesFromOHLCV, type OHLCVRow } from '@sextant/core';

/** Real Binance 5-minute candles shipped with the repository (packages/cli/data/ohlcv). */
export async function realCandles(symbol: string): Promise<CandleSeries> {
  const file = new URL(`../packages/cli/data/ohlcv/${symbol.replace('/', '_')}-5m.json`, import.meta.url);
  return candlesFromOHLCV(JSON.parse(await readFile(file, 'utf8')) as OHLCVRow[]);
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}
