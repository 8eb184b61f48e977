import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CandleSeries, candlesFromOHLCV } from '../src/index.js';

/** The real candle files in the repository's `data/ohlcv`. */
export const SHARED_OHLCV_DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'ohlcv');

/** Every shared OHLCV file name. */
export function sharedFiles(): string[] {
  return readdirSync(SHARED_OHLCV_DIR).filter((f) => f.endsWith('.json'));
}

/** Raw rows of a shared file. */
export function loadRows(file: string): number[][] {
  return JSON.parse(readFileSync(join(SHARED_OHLCV_DIR, file), 'utf8')) as number[][];
}

/** A shared file as a CandleSeries. */
export function loadShared(file: string): CandleSeries {
  return candlesFromOHLCV(loadRows(file));
}

/** The timeframe written in a shared file's name (`ETH_BTC-5m.json` -> `5m`). */
export function timeframeOf(file: string): '1m' | '5m' | '30m' | '1h' {
  const m = /-(1m|5m|30m|1h)(-|\.)/.exec(file);
  if (!m) throw new Error(`no timeframe in ${file}`);
  return m[1] as '1m' | '5m' | '30m' | '1h';
}
