import type { SchemaElement } from 'hyparquet';

/** Version of the candle file layout, stored in each file's key-value metadata. */
export const CANDLE_SCHEMA_VERSION = '1';

/** Key-value metadata key holding {@link CANDLE_SCHEMA_VERSION}. */
export const SCHEMA_VERSION_KEY = 'sextant.schema_version';

/** Key-value metadata key holding the writing library's name and version. */
export const WRITER_KEY = 'sextant.writer';

/** Key-value metadata key holding the dataset key as JSON (store files only). */
export const DATASET_KEY = 'sextant.dataset';

/** Name and version of this writer, stored in every file. */
export const WRITER_VERSION = '@sextant/storage 0.1.0';

/** The five price/volume columns, in file order after `timestamp`. */
export const VALUE_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Parquet schema of a candle file: `timestamp` INT64 TIMESTAMP(MILLIS, UTC)
 * then five REQUIRED DOUBLE columns.
 *
 * @internal
 */
export const CANDLE_PARQUET_SCHEMA: SchemaElement[] = [
  { name: 'schema', num_children: 6 },
  {
    name: 'timestamp',
    type: 'INT64',
    repetition_type: 'REQUIRED',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
  },
  ...VALUE_COLUMNS.map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
];
