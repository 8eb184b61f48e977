import { type CandleSeries, assertValidCandles } from '@sextant/core';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import { type EncodeCandlesOptions, encodeCandlesParquet } from './encodeCandlesParquet.js';

/** Options of {@link writeCandlesParquet}. */
export interface WriteCandlesParquetOptions extends EncodeCandlesOptions {}

/**
 * Write a candle series to one Parquet file, atomically (temp file, fsync,
 * rename). Schema: `timestamp` INT64 TIMESTAMP(MILLIS, UTC), then `open high
 * low close volume` DOUBLE; zstd compressed (SNAPPY if zstd cannot load);
 * footer key-value metadata `sextant.schema_version` and `sextant.writer`.
 * The series is validated before anything touches the disk.
 *
 * @param path - destination file (its directory is created)
 * @param series - candles, sorted, without duplicates
 * @param options - codec (default `'ZSTD'`), rows per row group (default 2048), extra metadata
 * @returns when the file is durably in place
 * @throws InvalidCandlesError when the series fails validation (nothing is written)
 * @throws StorageIOError when the file cannot be written
 * @example
 * ```ts
 * import { candlesFromOHLCV } from '@sextant/core';
 * import { writeCandlesParquet } from '@sextant/storage';
 * await writeCandlesParquet('eth-btc-5m.parquet', candlesFromOHLCV(rows));
 * ```
 */
export async function writeCandlesParquet(
  path: string,
  series: CandleSeries,
  options: WriteCandlesParquetOptions = {},
): Promise<void> {
  assertValidCandles(series, { label: path });
  await atomicWriteFile(path, await encodeCandlesParquet(series, options));
}
