import { readFile, readdir } from 'node:fs/promises';
import { type CandleSeries, type Timeframe, candlesFromOHLCV } from '@sextant/core';

/** The real candle files in the repository's data/ohlcv. */
export const OHLCV_DIR = new URL('../../../data/ohlcv/', import.meta.url);

/** One real candle file with the dataset key its name implies. */
export interface RealCandleFile {
  file: string;
  symbol: string;
  timeframe: Timeframe;
}

/** Every JSON file in the shared candle folder, with symbol and timeframe from its name. */
export async function realCandleFiles(): Promise<RealCandleFile[]> {
  const names = (await readdir(OHLCV_DIR)).filter((n) => n.endsWith('.json')).sort();
  return names.map((file) => {
    const [pair = '', tf = ''] = file.replace(/\.json$/, '').split('-');
    const parts = pair.split('_');
    const symbol = parts.length === 3 ? `${parts[0]}/${parts[1]}:${parts[2]}` : `${parts[0]}/${parts[1]}`;
    return { file, symbol, timeframe: tf as Timeframe };
  });
}

/** Load a real candle file as a series. */
export async function loadReal(file: string): Promise<CandleSeries> {
  return candlesFromOHLCV(JSON.parse(await readFile(new URL(file, OHLCV_DIR), 'utf8')));
}

/**
 * Where two series differ bit for bit (NaN payloads and -0 included), as
 * `column[row]: a vs b`, or `undefined` when they are identical.
 */
export function bitDifference(a: CandleSeries, b: CandleSeries): string | undefined {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  for (const f of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
    const x = Buffer.from(a[f].buffer, a[f].byteOffset, a[f].byteLength);
    const y = Buffer.from(b[f].buffer, b[f].byteOffset, b[f].byteLength);
    if (x.equals(y)) continue;
    for (let i = 0; i < a.length; i++) {
      if (!x.subarray(i * 8, i * 8 + 8).equals(y.subarray(i * 8, i * 8 + 8)))
        return `${f}[${i}]: ${a[f][i]} vs ${b[f][i]}`;
    }
  }
  return undefined;
}
