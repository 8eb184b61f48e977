import { z } from 'zod';
import { PARQUET_CODECS } from '../parquet/parquetCodecs.js';

/**
 * Configuration of a {@link ParquetCandleStore}. `z.input` is what callers
 * write, `z.output` the resolved config with defaults.
 */
export const ParquetCandleStoreConfigSchema = z.object({
  /** Root directory of the Hive-partitioned dataset (created on first write). */
  root: z.string().min(1),
  /** Compression codec; zstd falls back to SNAPPY when the WASM codec cannot load. @default 'ZSTD' */
  codec: z.enum(PARQUET_CODECS).default('ZSTD'),
  /** Rows per Parquet row group, the unit of range reads. @default 2048 */
  rowGroupSize: z.int().min(64).max(1_048_576).default(2048),
});

/** Resolved {@link ParquetCandleStoreConfigSchema}. */
export type ParquetCandleStoreConfig = z.output<typeof ParquetCandleStoreConfigSchema>;

/** {@link ParquetCandleStoreConfigSchema} as callers write it. */
export type ParquetCandleStoreConfigInput = z.input<typeof ParquetCandleStoreConfigSchema>;
