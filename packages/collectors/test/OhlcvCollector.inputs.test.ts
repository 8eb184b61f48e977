import { type OHLCVRow, isSextantError } from '@sextant/core';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OhlcvCollector } from '../src/ohlcv/OhlcvCollector.js';
import { type FakeExchange, MemoryCandleStore, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);
const eth = loadOhlcvFile(new URL('ETH_BTC-5m.json', DATA));
// A copy of the real series with one impossible row (negative volume) at index 1500.
const broken: OHLCVRow[] = eth.map((r, i) => (i === 1500 ? [r[0], r[1], r[2], r[3], r[4], -1] : r));

describe('OhlcvCollector inputs and edges', () => {
  let fake: FakeExchange;
  beforeAll(async () => {
    fake = await startFakeExchange({
      data: [
        { symbol: 'ETH/BTC', timeframe: '5m', candles: eth },
        { symbol: 'BAD/BTC', timeframe: '5m', candles: broken },
      ],
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  const exchange = () => new ccxt.binance(fake.ccxtConfig({ rateLimit: 1 }));

  it('rejects bad since, until, timeframe and symbol with typed errors quoting the value', async () => {
    const c = new OhlcvCollector({ exchange: exchange() });
    await expect(c.collect({ symbol: 'ETH/BTC', timeframe: '5m', since: -1 })).rejects.toThrow(/"since" .* got -1/);
    await expect(c.collect({ symbol: 'ETH/BTC', timeframe: '5m', since: 10, until: 5 })).rejects.toThrow(/got 5/);
    await expect(c.collect({ symbol: 'ETH/BTC', timeframe: '7m' as '5m', since: 0 })).rejects.toThrow(/"7m"/);
    const err = await c.collect({ symbol: 'DOGE/BTC', timeframe: '5m', since: 0 }).catch((e: unknown) => e);
    expect(isSextantError(err, 'BAD_SYMBOL')).toBe(true);
    expect((err as Error).message).toContain('"DOGE/BTC"');
  });

  it('refuses an exchange without fetchOHLCV', () => {
    const ex = exchange();
    ex.has['fetchOHLCV'] = false;
    expect(() => new OhlcvCollector({ exchange: ex })).toThrow(/does not support fetchOHLCV/);
  });

  it('stops at until, inclusive', async () => {
    const c = new OhlcvCollector({ exchange: exchange(), pageSize: 100 });
    const { candles, report } = await c.collect({
      symbol: 'ETH/BTC',
      timeframe: '5m',
      since: eth[10]![0],
      until: eth[250]![0],
    });
    expect(candles.length).toBe(241);
    expect(candles.timestamp[240]).toBe(eth[250]![0]);
    expect(report.pages).toBe(3);
  });

  it('never returns the still-open candle', async () => {
    const now = eth[300]![0] + 60_000; // candle 300 opened a minute ago
    const c = new OhlcvCollector({ exchange: exchange(), now: () => now });
    const { candles } = await c.collect({ symbol: 'ETH/BTC', timeframe: '5m', since: eth[0]![0] });
    expect(candles.length).toBe(300);
    expect(candles.timestamp[299]).toBe(eth[299]![0]);
  });

  it('throws InvalidCandlesError on impossible candles and keeps the pages already written', async () => {
    const store = new MemoryCandleStore();
    const c = new OhlcvCollector({ exchange: exchange(), store });
    const err = await c.collect({ symbol: 'BAD/BTC', timeframe: '5m', since: broken[0]![0] }).catch((e: unknown) => e);
    expect(isSextantError(err, 'INVALID_CANDLES')).toBe(true);
    expect((err as Error).message).toMatch(/volume -1 is negative/);
    expect(store.read({ exchange: 'binance', symbol: 'BAD/BTC', timeframe: '5m' })?.length).toBe(1000);
  });

  it('reports a failing market in collectMany without stopping the others', async () => {
    const c = new OhlcvCollector({ exchange: exchange() });
    const out = await c.collectMany([
      { symbol: 'NOPE/BTC', timeframe: '5m', since: eth[0]![0], until: eth[10]![0] },
      { symbol: 'ETH/BTC', timeframe: '5m', since: eth[0]![0], until: eth[10]![0] },
    ]);
    expect(out.map((o) => o.ok)).toEqual([false, true]);
    expect(out[1]!.ok && out[1]!.result.candles.length).toBe(11);
  });
});
