import type { CandleSeries, Timeframe } from '@sextant/core';

/** Identifies one candle dataset (the same shape as `@sextant/storage`'s `DatasetKey`). */
export interface CandleKey {
  /** ccxt exchange id, e.g. `binance`. */
  exchange: string;
  /** ccxt symbol, e.g. `ETH/BTC`. */
  symbol: string;
  /** Candle timeframe. */
  timeframe: Timeframe;
}

/**
 * Where an {@link OhlcvCollector} resumes from and writes to. Kept this small
 * so `@sextant/storage`'s `ParquetCandleStore` satisfies it structurally
 * (collectors never import storage): `coverage(key).last` is the open time of
 * the last stored candle, and `write` merges candles by timestamp.
 */
export interface CandleSink {
  /** What is stored for `key`; only `last` (absent when empty) is used. */
  coverage(key: CandleKey): Promise<{ last?: number | undefined }>;
  /** Store candles (oldest first, no duplicates) for `key`. */
  write(key: CandleKey, series: CandleSeries): Promise<unknown>;
}
