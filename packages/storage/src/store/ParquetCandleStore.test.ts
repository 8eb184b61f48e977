import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CandleSeries, candlesFromOHLCV, isSextantError, sliceSeries, validateCandles } from '@sextant/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitDifference } from '../../test/fixtures.js';
import { ParquetCandleStore } from './ParquetCandleStore.js';

const DATA = new URL('../../../../data/ohlcv/', import.meta.url);
const loadSeries = async (file: string): Promise<CandleSeries> =>
  candlesFromOHLCV(JSON.parse(await readFile(new URL(file, DATA), 'utf8')));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const KEY = { exchange: 'binance', symbol: 'GAPPY/BTC', timeframe: '1m' } as const;

describe('ParquetCandleStore on the real gappy series', () => {
  it('reads back exactly what was written', async () => {
    const series = await loadSeries('GAPPY_BTC-1m.json');
    const store = new ParquetCandleStore({ root });
    await store.write(KEY, series);
    expect(bitDifference(await store.read(KEY), series)).toBeUndefined();
  });

  it('reads a partial range and only that range', async () => {
    const series = await loadSeries('GAPPY_BTC-1m.json');
    const store = new ParquetCandleStore({ root });
    await store.write(KEY, series);
    const from = series.timestamp[5000] as number;
    const to = series.timestamp[5999] as number;
    const part = await store.read(KEY, { from, to });
    expect(bitDifference(part, sliceSeries(series, 5000, 6000))).toBeUndefined();
  });

  it('upserts: merges, dedupes with the newer row winning, keeps order', async () => {
    const series = await loadSeries('GAPPY_BTC-1m.json');
    const store = new ParquetCandleStore({ root });
    await store.write(KEY, sliceSeries(series, 0, 8000));
    const overlap = sliceSeries(series, 7000, series.length);
    const changed = { ...overlap, close: Float64Array.from(overlap.close), volume: Float64Array.from(overlap.volume) };
    changed.close[0] = (changed.low[0] as number) + 0; // still valid: low <= close <= high
    changed.volume[0] = 123.5;
    await store.write(KEY, changed);
    const back = await store.read(KEY);
    expect(back.length).toBe(series.length);
    expect(back.volume[7000]).toBe(123.5);
    expect(back.close[7000]).toBe(series.low[7000]);
    expect(Array.from(back.timestamp)).toEqual(Array.from(series.timestamp));
    expect(validateCandles(back).ok).toBe(true);
  });

  it('reports coverage with the same gaps core validation finds', async () => {
    const series = await loadSeries('GAPPY_BTC-1m.json');
    const store = new ParquetCandleStore({ root });
    await store.write(KEY, series);
    const cov = await store.coverage(KEY);
    const report = validateCandles(series, { timeframe: '1m' });
    expect(cov.count).toBe(series.length);
    expect(cov.gaps).toEqual(report.gaps);
    expect(cov.ranges.length).toBe(report.gaps.length + 1);
    expect(cov.ranges.reduce((n, r) => n + r.count, 0)).toBe(series.length);
  });

  it('lists stored keys with their exact symbols', async () => {
    const store = new ParquetCandleStore({ root });
    await store.write(KEY, await loadSeries('GAPPY_BTC-1m.json'));
    await store.write(
      { exchange: 'binance', symbol: 'XRP/USDT:USDT', timeframe: '1h' },
      await loadSeries('XRP_USDT_USDT-1h-futures.json'),
    );
    expect(await store.list()).toEqual([KEY, { exchange: 'binance', symbol: 'XRP/USDT:USDT', timeframe: '1h' }]);
  });

  it('rejects invalid candles before touching the disk', async () => {
    const series = await loadSeries('GAPPY_BTC-1m.json');
    const bad = { ...series, close: Float64Array.from(series.close) };
    bad.close[10] = Number.NaN;
    const store = new ParquetCandleStore({ root });
    await expect(store.write(KEY, bad)).rejects.toSatisfy((e) => isSextantError(e, 'INVALID_CANDLES'));
    expect(await store.list()).toEqual([]);
  });
});
