import type { CandleSeries } from '@sextant/core';
import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import {
  CANDLE_PARQUET_SCHEMA,
  CANDLE_SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  VALUE_COLUMNS,
  WRITER_KEY,
  WRITER_VERSION,
} from './candleParquetSchema.js';
import { type ParquetCodec, loadParquetCodecs } from './parquetCodecs.js';

/** Default rows per row group: about a day and a half of 1m candles, a week of 5m. */
export const DEFAULT_ROW_GROUP_SIZE = 2048;

/** Encoding options shared by the file helpers and the store. */
export interface EncodeCandlesOptions {
  /** Compression codec; falls back to SNAPPY when zstd cannot load. @default 'ZSTD' */
  codec?: ParquetCodec;
  /** Rows per row group (smaller: finer range reads, larger: smaller files). @default 2048 */
  rowGroupSize?: number;
  /** Extra key-value metadata written into the footer (the schema version and writer keys are reserved). */
  metadata?: Readonly<Record<string, string>>;
}

/**
 * Encode a candle series as one Parquet file in memory: DELTA_BINARY_PACKED
 * timestamps, BYTE_STREAM_SPLIT doubles, min/max statistics per row group.
 *
 * @internal
 */
export async function encodeCandlesParquet(
  series: CandleSeries,
  options: EncodeCandlesOptions = {},
): Promise<Uint8Array> {
  const { codec, compressors } = await loadParquetCodecs(options.codec);
  const timestamps = new BigInt64Array(series.length);
  const ts = series.timestamp;
  for (let i = 0; i < ts.length; i++) timestamps[i] = BigInt(ts[i] as number);
  const kv = [
    { key: SCHEMA_VERSION_KEY, value: CANDLE_SCHEMA_VERSION },
    { key: WRITER_KEY, value: WRITER_VERSION },
    ...Object.entries(options.metadata ?? {})
      .filter(([key]) => key !== SCHEMA_VERSION_KEY && key !== WRITER_KEY)
      .map(([key, value]) => ({ key, value })),
  ];
  // Sized for the usual ~32 bytes per candle, so the buffer rarely regrows (each regrowth copies it).
  const writer = new ByteWriter(series.length * 40 + 4096);
  await parquetWrite({
    writer,
    schema: CANDLE_PARQUET_SCHEMA,
    columnData: [
      { name: 'timestamp', data: timestamps, encoding: 'DELTA_BINARY_PACKED' },
      ...VALUE_COLUMNS.map((name) => ({ name, data: series[name], encoding: 'BYTE_STREAM_SPLIT' as const })),
    ],
    codec,
    compressors,
    rowGroupSize: options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE,
    kvMetadata: kv,
    createdBy: WRITER_VERSION,
  });
  return writer.getBytes();
}
