import { InvalidArgumentError } from '@sextant/core';
import type { SchemaElement } from 'hyparquet';
import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import {
  CANDLE_SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  WRITER_KEY,
  WRITER_VERSION,
} from '../parquet/candleParquetSchema.js';
import { type ParquetCodec, loadParquetCodecs } from '../parquet/parquetCodecs.js';
import type { FrameLike } from './FrameLike.type.js';

/** Key-value metadata key holding a frame's pipeline hash. */
export const FEATURE_HASH_KEY = 'sextant.feature_hash';

/** Options of {@link writeFrameParquet}. */
export interface WriteFrameParquetOptions {
  /** Compression codec (SNAPPY when zstd cannot load). @default 'ZSTD' */
  codec?: ParquetCodec;
  /** Rows per row group. @default 8192 */
  rowGroupSize?: number;
}

/**
 * Write a feature frame (e.g. a `FeatureFrame` from `@sextant/features`) to a
 * Parquet file, atomically: `timestamp` INT64 TIMESTAMP(MILLIS, UTC), then
 * one DOUBLE column per feature (NaN warm-up values kept as NaN). The hash
 * is stored as `sextant.feature_hash` metadata, so a training set can be
 * inspected in DuckDB, pandas or any Parquet tool.
 *
 * @param path - destination file (its directory is created)
 * @param frame - `{ timestamp, names, columns, hash? }`
 * @param options - codec (default `'ZSTD'`) and rows per row group (default 8192)
 * @returns when the file is durably in place
 * @throws InvalidArgumentError when names are duplicated or columns differ in length (nothing is written)
 * @throws StorageIOError when the file cannot be written
 * @example
 * ```ts
 * import { writeFrameParquet } from '@sextant/storage';
 * await writeFrameParquet('train.parquet', pipeline.compute(series));
 * ```
 */
export async function writeFrameParquet(
  path: string,
  frame: FrameLike,
  options: WriteFrameParquetOptions = {},
): Promise<void> {
  const n = frame.timestamp.length;
  checkFrame(frame, n);
  const timestamps = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const t = frame.timestamp[i] as number;
    if (!Number.isSafeInteger(t))
      throw new InvalidArgumentError(`Frame timestamp at row ${i} is not an integer ms time: ${t}`);
    timestamps[i] = BigInt(t);
  }
  const schema: SchemaElement[] = [
    { name: 'schema', num_children: frame.names.length + 1 },
    {
      name: 'timestamp',
      type: 'INT64',
      repetition_type: 'REQUIRED',
      converted_type: 'TIMESTAMP_MILLIS',
      logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    },
    ...frame.names.map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
  ];
  const { codec, compressors } = await loadParquetCodecs(options.codec);
  const writer = new ByteWriter();
  await parquetWrite({
    writer,
    schema,
    columnData: [
      { name: 'timestamp', data: timestamps, encoding: 'DELTA_BINARY_PACKED' },
      ...frame.names.map((name, j) => {
        const c = frame.columns[j] as ArrayLike<number>;
        return {
          name,
          data: c instanceof Float64Array ? c : Float64Array.from(c),
          encoding: 'BYTE_STREAM_SPLIT' as const,
        };
      }),
    ],
    codec,
    compressors,
    rowGroupSize: options.rowGroupSize ?? 8192,
    kvMetadata: [
      { key: SCHEMA_VERSION_KEY, value: CANDLE_SCHEMA_VERSION },
      { key: WRITER_KEY, value: WRITER_VERSION },
      ...(frame.hash === undefined ? [] : [{ key: FEATURE_HASH_KEY, value: frame.hash }]),
    ],
    createdBy: WRITER_VERSION,
  });
  await atomicWriteFile(path, writer.getBytes());
}

function checkFrame(frame: FrameLike, n: number): void {
  if (frame.names.length !== frame.columns.length) {
    throw new InvalidArgumentError(`Frame has ${frame.names.length} names but ${frame.columns.length} columns`);
  }
  const seen = new Set<string>();
  frame.names.forEach((name, j) => {
    if (typeof name !== 'string' || name.length === 0 || name === 'timestamp' || seen.has(name)) {
      throw new InvalidArgumentError(`Frame column name ${JSON.stringify(name)} is empty, reserved or duplicated`);
    }
    seen.add(name);
    const len = (frame.columns[j] as ArrayLike<number>).length;
    if (len !== n)
      throw new InvalidArgumentError(`Frame column "${name}" has ${len} rows, expected ${n} like "timestamp"`);
  });
}
