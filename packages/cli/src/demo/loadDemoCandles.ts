import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CandleSeries, candlesFromOHLCV, type OHLCVRow } from '@sextant/core';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import { DEMO_DATA_DIR } from './DEMO_DATA_DIR.js';

/**
 * Read the demo's embedded candle files (`<BASE>_<QUOTE>-5m.json`, ccxt
 * OHLCV rows) into columnar series by ccxt symbol, sorted by symbol.
 *
 * @param dir - the folder to read. @default {@link DEMO_DATA_DIR}
 * @returns series by symbol, e.g. `{ 'ETH/BTC': ... }`
 * @throws CliError (`STORAGE_IO`, exit 4) when the folder or a file cannot be read
 * @throws InvalidCandlesError when a file holds malformed rows
 * @example
 * ```ts
 * import { loadDemoCandles } from '@sextant/cli';
 * const series = await loadDemoCandles();
 * series['ETH/BTC']?.length; // 5760
 * ```
 */
export async function loadDemoCandles(dir: string = DEMO_DATA_DIR): Promise<Record<string, CandleSeries>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^[A-Z0-9]+_[A-Z0-9]+-5m\.json$/.test(n)).sort();
  } catch (err) {
    throw new CliError('STORAGE_IO', `Cannot read demo data folder "${dir}"`, {
      cause: err,
      exitCode: EXIT_CODES.DATA,
    });
  }
  if (names.length === 0) {
    throw new CliError('STORAGE_IO', `No demo candle files (*_*-5m.json) in "${dir}"`, { exitCode: EXIT_CODES.DATA });
  }
  const out: Record<string, CandleSeries> = {};
  for (const name of names) {
    const [base, quote] = name.replace(/-5m\.json$/, '').split('_') as [string, string];
    const rows = JSON.parse(await readFile(join(dir, name), 'utf8')) as OHLCVRow[];
    out[`${base}/${quote}`] = candlesFromOHLCV(rows);
  }
  return out;
}
