import type { CandleSeries } from '@sextant/core';
import { openFileAsyncBuffer, readFileAsyncBuffer } from '../fs/fileAsyncBuffer.js';
import { type TimeRange, decodeCandlesParquet } from './decodeCandlesParquet.js';

/** Options of {@link readCandlesParquet}. */
export interface ReadCandlesParquetOptions extends TimeRange {}

/**
 * Read a candle Parquet file into a `CandleSeries`. Any file with a
 * `timestamp` column (INT64 TIMESTAMP in ms, µs or ns, or plain INT64 ms) and
 * numeric `open high low close volume` columns is accepted, whatever wrote it
 * (this package, DuckDB, pyarrow, Polars). With `from`/`to`, only the row
 * groups whose statistics overlap the range are read and decoded.
 *
 * @param path - the Parquet file
 * @param options - optional inclusive time range, ms since the epoch
 * @returns the candles, in file order
 * @throws StorageIOError when the file cannot be opened
 * @throws StorageCorruptError when it is truncated, corrupt or of the wrong schema (the message names the file)
 * @example
 * ```ts
 * import { readCandlesParquet } from '@sextant/storage';
 * const all = await readCandlesParquet('btc-1m.parquet');
 * const jan = await readCandlesParquet('btc-1m.parquet', { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 31) });
 * ```
 */
export async function readCandlesParquet(path: string, options: ReadCandlesParquetOptions = {}): Promise<CandleSeries> {
  if (options.from === undefined && options.to === undefined) {
    return decodeCandlesParquet(path, await readFileAsyncBuffer(path));
  }
  const buffer = await openFileAsyncBuffer(path);
  try {
    return await decodeCandlesParquet(path, buffer, options);
  } finally {
    await buffer.close();
  }
}
