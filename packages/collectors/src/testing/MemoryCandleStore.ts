import { type CandleSeries, mergeSeries } from '@sextant/core';
import type { CandleKey, CandleSink } from '../ohlcv/CandleSink.type.js';

/**
 * An in-memory {@link CandleSink}: merges writes by timestamp per dataset
 * and reports the last stored open time, like `ParquetCandleStore` does on
 * disk. For tests and short-lived hosts; it also counts writes.
 *
 * @example
 * ```ts
 * import { MemoryCandleStore } from '@sextant/collectors/testing';
 * const store = new MemoryCandleStore();
 * await store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' }, series);
 * ```
 */
export class MemoryCandleStore implements CandleSink {
  readonly #data = new Map<string, CandleSeries>();
  /** Number of `write` calls so far. */
  writes = 0;

  /**
   * @param key - dataset
   * @returns `{ last }`, the open time of the last stored candle (absent when empty)
   */
  async coverage(key: CandleKey): Promise<{ last?: number }> {
    const s = this.#data.get(keyOf(key));
    return s === undefined || s.length === 0 ? {} : { last: s.timestamp[s.length - 1] as number };
  }

  /**
   * Merge `series` into the dataset (newer rows win on equal timestamps).
   * @param key - dataset
   * @param series - candles to store
   */
  async write(key: CandleKey, series: CandleSeries): Promise<void> {
    this.writes++;
    const k = keyOf(key);
    const old = this.#data.get(k);
    this.#data.set(k, old === undefined ? series : mergeSeries(old, series));
  }

  /**
   * Everything stored for `key`.
   * @param key - dataset
   * @returns the candles, oldest first, or undefined when none
   */
  read(key: CandleKey): CandleSeries | undefined {
    return this.#data.get(keyOf(key));
  }
}

function keyOf(k: CandleKey): string {
  return `${k.exchange}|${k.symbol}|${k.timeframe}`;
}
