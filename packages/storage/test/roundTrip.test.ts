import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetCandleStore, readCandlesParquet, writeCandlesParquet } from '../src/index.js';
import { bitDifference, loadReal, realCandleFiles } from './fixtures.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-rt-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const files = await realCandleFiles();

describe('round trip of every real candle file, bit for bit', () => {
  it('finds the shared candle files', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });

  for (const { file, symbol, timeframe } of files) {
    it(`${file}: writeCandlesParquet -> readCandlesParquet`, async () => {
      const series = await loadReal(file);
      const path = join(root, `${file}.parquet`);
      await writeCandlesParquet(path, series);
      const back = await readCandlesParquet(path);
      expect(back.length).toBe(series.length);
      expect(bitDifference(back, series)).toBeUndefined();
    });

    it(`${file}: ParquetCandleStore write -> read`, async () => {
      const series = await loadReal(file);
      const store = new ParquetCandleStore({ root: join(root, 'store') });
      const key = { exchange: 'binance', symbol, timeframe };
      await store.write(key, series);
      const back = await store.read(key);
      expect(back.length).toBe(series.length);
      expect(bitDifference(back, series)).toBeUndefined();
    });
  }

  it('SNAPPY and UNCOMPRESSED files round-trip too', async () => {
    const series = await loadReal('ETH_BTC-5m.json');
    for (const codec of ['SNAPPY', 'UNCOMPRESSED'] as const) {
      const path = join(root, `eth-${codec}.parquet`);
      await writeCandlesParquet(path, series, { codec });
      expect(bitDifference(await readCandlesParquet(path), series)).toBeUndefined();
    }
  });
});
