import { createCandleSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { MemoryCandleStore } from '../testing/MemoryCandleStore.js';
import type { CandleKey, CandleSink } from './CandleSink.type.js';

/**
 * The contract every CandleSink must pass (ParquetCandleStore in
 * @sextant/storage satisfies the same shape): empty coverage has no `last`,
 * writes merge by timestamp, `last` is the newest stored open time.
 */
export function testCandleSinkContract(name: string, make: () => CandleSink): void {
  describe(`CandleSink contract: ${name}`, () => {
    const key: CandleKey = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' };
    const rows = (ts: number[]) =>
      createCandleSeries({
        timestamp: ts,
        open: ts.map(() => 1),
        high: ts.map(() => 2),
        low: ts.map(() => 0.5),
        close: ts.map(() => 1.5),
        volume: ts.map(() => 10),
      });

    it('reports no last candle when empty', async () => {
      expect((await make().coverage(key)).last).toBeUndefined();
    });

    it('reports the newest open time after writes, in any order, with overlaps', async () => {
      const sink = make();
      await sink.write(key, rows([600_000, 900_000]));
      await sink.write(key, rows([0, 300_000, 600_000]));
      expect((await sink.coverage(key)).last).toBe(900_000);
      expect((await sink.coverage({ ...key, symbol: 'LTC/BTC' })).last).toBeUndefined();
    });
  });
}

testCandleSinkContract('MemoryCandleStore', () => new MemoryCandleStore());

describe('MemoryCandleStore', () => {
  it('merges writes by timestamp', async () => {
    const store = new MemoryCandleStore();
    const key: CandleKey = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' };
    const s = (ts: number[], c: number) =>
      createCandleSeries({
        timestamp: ts,
        open: ts.map(() => c),
        high: ts.map(() => c),
        low: ts.map(() => c),
        close: ts.map(() => c),
        volume: ts.map(() => 1),
      });
    await store.write(key, s([0, 300_000], 1));
    await store.write(key, s([300_000, 600_000], 2));
    expect(Array.from(store.read(key)!.timestamp)).toEqual([0, 300_000, 600_000]);
    expect(Array.from(store.read(key)!.close)).toEqual([1, 2, 2]);
    expect(store.writes).toBe(2);
  });
});
