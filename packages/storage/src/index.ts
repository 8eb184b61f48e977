// Errors
export { StorageCorruptError } from './errors/StorageCorruptError.js';
export { StorageIOError } from './errors/StorageIOError.js';
// Parquet files
export { PARQUET_CODECS, type ParquetCodec } from './parquet/parquetCodecs.js';
export { CANDLE_SCHEMA_VERSION } from './parquet/candleParquetSchema.js';
export { writeCandlesParquet, type WriteCandlesParquetOptions } from './parquet/writeCandlesParquet.js';
export { readCandlesParquet, type ReadCandlesParquetOptions } from './parquet/readCandlesParquet.js';
// Candle datasets
export { checkDatasetKey, type DatasetKey } from './store/DatasetKey.js';
export type { CandleCoverage, CoveredRange } from './store/CandleCoverage.type.js';
export {
  ParquetCandleStoreConfigSchema,
  type ParquetCandleStoreConfig,
  type ParquetCandleStoreConfigInput,
} from './store/ParquetCandleStoreConfig.js';
export { ParquetCandleStore, type CandleReadOptions } from './store/ParquetCandleStore.js';
// Feature frames
export type { FrameLike, StoredFrame } from './frame/FrameLike.type.js';
export { writeFrameParquet, type WriteFrameParquetOptions } from './frame/writeFrameParquet.js';
export { readFrameParquet } from './frame/readFrameParquet.js';
// Caches
export {
  CACHE_TTL_PRESETS,
  TtlCacheConfigSchema,
  type TtlCacheConfig,
  type TtlCacheConfigInput,
} from './cache/TtlCacheConfig.js';
export { TtlCache, type CacheGetOptions, type CacheResult, type CacheStats } from './cache/TtlCache.js';
