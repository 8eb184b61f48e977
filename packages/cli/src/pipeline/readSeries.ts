import type { CandleSeries, Timeframe } from '@sextant/core';
import type { ParquetCandleStore } from '@sextant/storage';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';

/**
 * Read each market's candles from the Parquet dataset.
 *
 * @throws CliError (`STORAGE_IO`, exit 4) naming the dataset when a market has no candles
 */
export async function readSeries(
  store: ParquetCandleStore,
  exchange: string,
  symbols: readonly string[],
  timeframe: Timeframe,
): Promise<Record<string, CandleSeries>> {
  const out: Record<string, CandleSeries> = {};
  for (const symbol of symbols) {
    const s = await store.read({ exchange, symbol, timeframe });
    if (s.length === 0) {
      throw new CliError(
        'STORAGE_IO',
        `No candles for ${exchange} ${symbol} ${timeframe} under "${store.config.root}"; run \`sextant collect\` first`,
        { exitCode: EXIT_CODES.DATA },
      );
    }
    out[symbol] = s;
  }
  return out;
}
