import type { CandleSeries } from '@sextant/core';
import type { FileMetaData, RowGroup } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import {
  CANDLE_PARQUET_SCHEMA,
  CANDLE_SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  VALUE_COLUMNS,
  WRITER_KEY,
  WRITER_VERSION,
} from './candleParquetSchema.js';
import { type ParquetCodec, loadParquetCodecs } from './parquetCodecs.js';
import { writeCandleColumnChunk } from './writeCandleColumnChunk.js';

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
 * Column chunks are written by {@link writeCandleColumnChunk} (typed-array
 * loops); the footer by hyparquet-writer, whose output this matches byte for byte.
 *
 * @internal
 */
export async function encodeCandlesParquet(
  series: CandleSeries,
  options: EncodeCandlesOptions = {},
): Promise<Uint8Array> {
  const { codec, compressors } = await loadParquetCodecs(options.codec);
  const compress = codec === 'SNAPPY' ? snappyCompress : compressors[codec];
  const n = series.length;
  const timestamps = new BigInt64Array(n);
  const ts = series.timestamp;
  for (let i = 0; i < n; i++) timestamps[i] = BigInt(ts[i] as number);
  const kv = [
    { key: SCHEMA_VERSION_KEY, value: CANDLE_SCHEMA_VERSION },
    { key: WRITER_KEY, value: WRITER_VERSION },
    ...Object.entries(options.metadata ?? {})
      .filter(([key]) => key !== SCHEMA_VERSION_KEY && key !== WRITER_KEY)
      .map(([key, value]) => ({ key, value })),
  ];
  const columns: [string, BigInt64Array | Float64Array][] = [
    ['timestamp', timestamps],
    ...VALUE_COLUMNS.map((name): [string, Float64Array] => [name, series[name]]),
  ];
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  // Sized for the usual ~32 bytes per candle, so the buffer rarely regrows (each regrowth copies it).
  const writer = new ByteWriter(n * 40 + 4096);
  writer.appendUint32(PARQUET_MAGIC);
  const rowGroups: RowGroup[] = [];
  for (let start = 0; start < n; start += rowGroupSize) {
    const end = Math.min(n, start + rowGroupSize);
    const groupStart = writer.offset;
    const chunks = columns.map(([name, data]) =>
      writeCandleColumnChunk(writer, { name, data, start, end, codec, compress }),
    );
    let bytes = 0n;
    for (const c of chunks) bytes += c.meta_data?.total_uncompressed_size ?? 0n;
    rowGroups.push({
      columns: chunks,
      total_byte_size: bytes,
      num_rows: BigInt(end - start),
      total_compressed_size: BigInt(writer.offset - groupStart),
    });
  }
  writeMetadata(writer, {
    version: 2,
    created_by: WRITER_VERSION,
    schema: CANDLE_PARQUET_SCHEMA,
    num_rows: BigInt(n),
    row_groups: rowGroups,
    key_value_metadata: kv,
  } as FileMetaData);
  writer.appendUint32(PARQUET_MAGIC);
  return writer.getBytes();
}

/** "PAR1", little-endian: the magic at both ends of a Parquet file. */
const PARQUET_MAGIC = 0x31524150;
