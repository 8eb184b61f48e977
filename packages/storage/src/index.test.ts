import { describe, expect, it } from 'vitest';
import * as storage from './index.js';

describe('@sextant/storage public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(storage).sort()).toEqual(
      [
        'CACHE_TTL_PRESETS',
        'CANDLE_SCHEMA_VERSION',
        'PARQUET_CODECS',
        'ParquetCandleStore',
        'ParquetCandleStoreConfigSchema',
        'StorageCorruptError',
        'StorageIOError',
        'TtlCache',
        'TtlCacheConfigSchema',
        'checkDatasetKey',
        'readCandlesParquet',
        'readFrameParquet',
        'writeCandlesParquet',
        'writeFrameParquet',
      ].sort(),
    );
  });
});
