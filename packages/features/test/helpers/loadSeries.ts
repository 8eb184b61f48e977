import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CandleSeries, candlesFromOHLCV } from '@sextant/core';

/** The real candle files in the repository's data/ohlcv. */
export const OHLCV_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'ohlcv');

/** Every shared candle file name. */
export function seriesFiles(): string[] {
  return readdirSync(OHLCV_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** One shared candle file as a CandleSeries. */
export function loadSeries(file: string): CandleSeries {
  return candlesFromOHLCV(JSON.parse(readFileSync(join(OHLCV_DIR, file), 'utf8')) as number[][]);
}
