import { type OHLCVRow, isSextantError } from '@sextant/core';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeGuard } from '../src/guard/ExchangeGuard.js';
import { MarketsCollector } from '../src/exchange/MarketsCollector.js';
import { OrderBookCollector } from '../src/exchange/OrderBookCollector.js';
import { TickerCollector, type TickerSink } from '../src/exchange/TickerCollector.js';
import type { TickerSnapshot } from '../src/exchange/TickerRing.js';
import { type FakeExchange, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);
const eth = loadOhlcvFile(new URL('ETH_BTC-5m.json', DATA));
const ltc = loadOhlcvFile(new URL('LTC_BTC-5m.json', DATA));

describe('Markets, order book and ticker collectors on ccxt.binance against the fake exchange', () => {
  let fake: FakeExchange;
  let now = eth.at(-1)![0] + 300_000;
  beforeAll(async () => {
    fake = await startFakeExchange({
      data: [
        { symbol: 'ETH/BTC', timeframe: '5m', candles: eth, tickSize: 0.000001, stepSize: 0.001, minNotional: 0.0001 },
        { symbol: 'LTC/BTC', timeframe: '5m', candles: ltc, tickSize: 0.000001, stepSize: 0.01 },
      ],
      now: () => now,
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  const binance = () => new ccxt.binance(fake.ccxtConfig({ rateLimit: 1, timeout: 500 }));

  it('MarketsCollector normalises precision and limits from the real exchangeInfo filter shapes and caches them', async () => {
    let clock = 0;
    const markets = new MarketsCollector({ exchange: binance(), ttlMs: 1000, now: () => clock });
    const n = fake.requests.length;
    const m = await markets.market('ETH/BTC');
    expect(m).toMatchObject({
      id: 'ETHBTC',
      base: 'ETH',
      quote: 'BTC',
      type: 'spot',
      active: true,
      precision: { price: 0.000001, amount: 0.001 },
      limits: { amount: { min: 0.001, max: 9_000_000 }, price: { min: 0.000001, max: 1000 }, cost: { min: 0.0001 } },
    });
    expect((await markets.markets()).map((x) => x.symbol)).toEqual(['ETH/BTC', 'LTC/BTC']);
    expect(fake.requests.slice(n).filter((r) => r.path === '/api/v3/exchangeInfo').length).toBe(1);
    await expect(markets.market('DOGE/BTC')).rejects.toThrow(/"DOGE\/BTC" is not listed on "binance"/);
    clock = 2000;
    const exchange = binance();
    ExchangeGuard.for(exchange, { retries: 2, minBackoffMs: 1, maxBackoffMs: 5 });
    const guarded = new MarketsCollector({ exchange, ttlMs: 1000, now: () => clock });
    await guarded.markets();
    clock = 4000;
    // every retry faulted: the cached list is served and marked stale
    fake.faults.enqueue('server-error', 'server-error', 'server-error');
    expect((await guarded.markets()).length).toBe(2);
    expect(guarded.stale).toBe(true);
  }, 30_000);

  it('OrderBookCollector returns top-N columns around the last close, checked for order', async () => {
    const books = new OrderBookCollector({ exchange: binance(), depth: 5 });
    const b = await books.snapshot('ETH/BTC');
    expect(b.bidPrice.length).toBe(5);
    expect(b.askPrice.length).toBe(5);
    expect(b.bidPrice[0]).toBeLessThan(b.askPrice[0]!);
    expect(b.mid).toBeCloseTo(eth.at(-1)![4], 10);
    for (let i = 1; i < 5; i++) expect(b.bidPrice[i]).toBeLessThan(b.bidPrice[i - 1]!);
    expect(() => new OrderBookCollector({ exchange: binance(), depth: 0 })).toThrow(/got 0/);
  });

  it('TickerCollector keeps a ring per symbol and persists what it took', async () => {
    const written: TickerSnapshot[] = [];
    const sink: TickerSink = {
      async writeTickers(s) {
        written.push(...s);
      },
    };
    const tickers = new TickerCollector({ exchange: binance(), symbols: ['ETH/BTC', 'LTC/BTC'], capacity: 3, sink });
    const closes: number[] = [];
    for (let i = 0; i < 4; i++) {
      now = eth.at(-4 + i)![0] + 300_000;
      const snaps = await tickers.poll();
      closes.push(snaps[0]!.last);
      expect(snaps.map((s) => s.symbol)).toEqual(['ETH/BTC', 'LTC/BTC']);
    }
    expect(closes).toEqual(eth.slice(-4).map((r: OHLCVRow) => r[4]));
    const h = tickers.history('ETH/BTC');
    expect(Array.from(h.last)).toEqual(closes.slice(1));
    expect(await tickers.flush()).toBe(8);
    expect(written.length).toBe(8);
    expect(await tickers.flush()).toBe(0);
    expect(() => tickers.history('XRP/BTC')).toThrow(/not collected/);
  });

  it('TickerCollector keeps snapshots pending when the sink fails', async () => {
    let fail = true;
    const tickers = new TickerCollector({
      exchange: binance(),
      symbols: ['ETH/BTC'],
      sink: {
        async writeTickers() {
          if (fail) throw new Error('disk full');
        },
      },
    });
    await tickers.poll();
    await expect(tickers.flush()).rejects.toThrow('disk full');
    fail = false;
    await tickers.poll();
    expect(await tickers.flush()).toBe(2);
  });

  it('TickerCollector.start polls and persists periodically; stop flushes the rest', async () => {
    const batches: number[] = [];
    const tickers = new TickerCollector({
      exchange: binance(),
      symbols: ['ETH/BTC', 'LTC/BTC'],
      sink: {
        async writeTickers(s) {
          batches.push(s.length);
        },
      },
    });
    const scheduler = tickers.start({ everyMs: 40, persistEveryMs: 130 });
    await new Promise((r) => setTimeout(r, 300));
    await tickers.stop();
    const polls = scheduler.jobs().find((j) => j.name === 'tickers')!.runs;
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(batches.length).toBeGreaterThanOrEqual(2); // at least one periodic flush and the final one
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2 * polls);
    expect(tickers.history('LTC/BTC').last.length).toBe(polls);
  });

  it('rejects bad symbols through the mapped Binance error', async () => {
    const tickers = new TickerCollector({ exchange: binance(), symbols: ['NOPE/BTC'] });
    const err = await tickers.poll().catch((e: unknown) => e);
    expect(isSextantError(err, 'BAD_SYMBOL')).toBe(true);
  });
});
