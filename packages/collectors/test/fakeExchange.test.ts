import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeExchange, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);

describe('startFakeExchange with the real ccxt.binance class', () => {
  let fake: FakeExchange;
  const eth = loadOhlcvFile(new URL('ETH_BTC-5m.json', DATA));
  beforeAll(async () => {
    fake = await startFakeExchange({ data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: eth }] });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('serves markets with real filter shapes that ccxt parses into precision and limits', async () => {
    const ex = new ccxt.binance(fake.ccxtConfig({ rateLimit: 5 }));
    const markets = await ex.loadMarkets();
    const m = markets['ETH/BTC'];
    expect(m?.id).toBe('ETHBTC');
    expect(m?.spot).toBe(true);
    expect(m?.precision.amount).toBe(0.001);
    expect(m?.limits.cost?.min).toBe(0.0001);
    expect(Object.keys(markets)).toEqual(['ETH/BTC']);
  });

  it('serves the source candles exactly through fetchOHLCV', async () => {
    const ex = new ccxt.binance(fake.ccxtConfig({ rateLimit: 5 }));
    const since = eth[100]![0];
    const rows = await ex.fetchOHLCV('ETH/BTC', '5m', since, 1000);
    expect(rows.length).toBe(1000);
    expect(rows).toEqual(eth.slice(100, 1100).map((r) => [...r]));
  });

  it('answers ticker, order book and time in formats ccxt parses', async () => {
    const ex = new ccxt.binance(fake.ccxtConfig({ rateLimit: 5 }));
    const t = await ex.fetchTicker('ETH/BTC');
    expect(t.last).toBe(eth[eth.length - 1]![4]);
    const book = await ex.fetchOrderBook('ETH/BTC', 5);
    expect(book.bids.length).toBe(5);
    expect(book.asks[0]![0]!).toBeGreaterThan(book.bids[0]![0]!);
    expect(await ex.fetchTime()).toBe(fake.state.now());
  });

  it('maps unknown symbols to Binance error -1121, which ccxt raises as BadSymbol', async () => {
    const res = await fetch(`${fake.url}/api/v3/klines?symbol=NOPE&interval=5m`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('answers a queued 429 with Retry-After and counts requests that arrive before it expires', async () => {
    fake.faults.enqueue('rate-limit');
    const first = await fetch(`${fake.url}/api/v3/time`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    const early = await fetch(`${fake.url}/api/v3/time`);
    expect(early.status).toBe(418);
    expect(fake.stats().earlyRequests).toBe(1);
    await new Promise((r) => setTimeout(r, 1010));
    expect((await fetch(`${fake.url}/api/v3/time`)).status).toBe(200);
  });

  it('routes plugin endpoints through the same log, with access to shared state', async () => {
    fake.use({
      name: 'echo',
      setup: (s) => s.shared.set('echo', { calls: 0 }),
      routes: [
        {
          method: 'POST',
          path: '/api/v3/order',
          handle: (req, s) => {
            const st = s.shared.get('echo') as { calls: number };
            st.calls++;
            return { body: { symbol: req.body.get('symbol'), price: s.lastPrice('ETHBTC'), calls: st.calls } };
          },
        },
      ],
    });
    const res = await fetch(`${fake.url}/api/v3/order`, { method: 'POST', body: 'symbol=ETHBTC' });
    expect(await res.json()).toEqual({ symbol: 'ETHBTC', price: eth[eth.length - 1]![4], calls: 1 });
    expect(fake.requests.at(-1)?.path).toBe('/api/v3/order');
  });
});
