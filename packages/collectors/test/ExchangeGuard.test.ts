import { isSextantError } from '@sextant/core';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeGuard } from '../src/guard/ExchangeGuard.js';
import { type FakeExchange, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);

describe('ExchangeGuard on the real ccxt.binance class against the fake exchange', () => {
  let fake: FakeExchange;
  beforeAll(async () => {
    fake = await startFakeExchange({
      data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: loadOhlcvFile(new URL('ETH_BTC-5m.json', DATA)) }],
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  const binance = (): InstanceType<typeof ccxt.binance> =>
    new ccxt.binance(fake.ccxtConfig({ rateLimit: 1, timeout: 300 }));
  const countSince = (n: number, path: string): number => fake.requests.slice(n).filter((r) => r.path === path).length;

  it('retries a failed read with backoff and counts it', async () => {
    const guard = ExchangeGuard.for(binance(), { minBackoffMs: 5, maxBackoffMs: 20 });
    const retries: number[] = [];
    guard.on('retry', (e) => retries.push(e.attempt));
    const n = fake.requests.length;
    fake.faults.enqueue('server-error', 'slow');
    const t = await guard.read('fetchTime', (ex) => ex.fetchTime());
    expect(t).toBe(fake.state.now());
    expect(countSince(n, '/api/v3/time')).toBe(3);
    expect(retries).toEqual([1, 2]);
    const s = guard.stats();
    expect(s.requests.total).toBe(3);
    expect(s.requests.minute).toBe(3);
    expect(s.errors).toEqual({ EXCHANGE_UNAVAILABLE: 1, TIMEOUT: 1 });
    expect(s.latencyMs.p95).toBeGreaterThanOrEqual(s.latencyMs.p50);
    expect(s.latencyMs.p95).toBeGreaterThan(250); // the slow answer timed out at 300 ms
    expect(s.key).toBe('public');
  });

  it('never retries a write (an order call), even on a retryable failure', async () => {
    const guard = ExchangeGuard.for(binance());
    const n = fake.requests.length;
    fake.faults.enqueue('server-error');
    const err = await guard.write('fetchTime', (ex) => ex.fetchTime()).catch((e: unknown) => e);
    expect(isSextantError(err, 'EXCHANGE_UNAVAILABLE')).toBe(true);
    expect(countSince(n, '/api/v3/time')).toBe(1);
  });

  it('does not retry non-retryable errors such as a bad symbol', async () => {
    const guard = ExchangeGuard.for(binance());
    await guard.read('loadMarkets', (ex) => ex.loadMarkets());
    const n = fake.requests.length;
    const err = await guard
      .read('klines', (ex) => ex.publicGetKlines({ symbol: 'NOPE', interval: '5m' }))
      .catch((e: unknown) => e);
    expect(isSextantError(err, 'BAD_SYMBOL')).toBe(true);
    expect((err as Error).message).toContain('Invalid symbol');
    expect(countSince(n, '/api/v3/klines')).toBe(1);
  });

  it.each([
    { pace: true, by: 'the guard' },
    { pace: false, by: "ccxt's throttle" },
  ])(
    'pauses the whole exchange on a 429: no other call is sent before Retry-After expires (paced by $by)',
    async ({ pace }) => {
      const guard = ExchangeGuard.for(binance(), { minBackoffMs: 5, maxBackoffMs: 20, maxInFlight: 4, pace });
      const pauses: number[] = [];
      guard.on('pause', (e) => pauses.push(e.until));
      await guard.read('loadMarkets', (ex) => ex.loadMarkets());
      const n = fake.requests.length;
      fake.faults.enqueue('rate-limit');
      const t0 = Date.now();
      const first = guard.read('fetchTime', (ex) => ex.fetchTime());
      await new Promise((r) => setTimeout(r, 50));
      const other = guard.read('fetchTicker', (ex) => ex.fetchTicker('ETH/BTC'));
      await Promise.all([first, other]);
      const after = fake.requests.slice(n);
      expect(after[0]?.status).toBe(429);
      expect(pauses.length).toBe(1);
      expect(pauses[0]! - t0).toBeGreaterThanOrEqual(1000);
      for (const r of after.slice(1)) expect(r.at).toBeGreaterThanOrEqual(after[0]!.at + 1000);
      expect(fake.stats().earlyRequests).toBe(0);
      expect(guard.stats().pauses).toBe(1);
    },
  );

  it("paces request starts by ccxt's token bucket: never beyond the budget in any window", async () => {
    const rateLimit = 10;
    const exchange = new ccxt.binance(fake.ccxtConfig({ rateLimit, timeout: 1000 }));
    const starts: number[] = [];
    const fetch = exchange.fetch.bind(exchange);
    exchange.fetch = (...args: Parameters<typeof fetch>) => {
      starts.push(performance.now());
      return fetch(...args);
    };
    const guard = ExchangeGuard.for(exchange, { maxInFlight: 4 });
    await guard.read('loadMarkets', (ex) => ex.loadMarkets());
    starts.length = 0;
    const since = fake.state.markets.get('ETHBTC')!.candles[0]![0];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        guard.read('klines', (ex) => ex.fetchOHLCV('ETH/BTC', '5m', since + i * 300_000, 10)),
      ),
    );
    expect(starts.length).toBe(24);
    // klines cost 0.4 units; the bucket holds at most 1 unit: requests i..k-1 need (k - i) * 0.4 - 1 units of refill.
    const cost = 0.4;
    const capacity = 1;
    for (let i = 0; i < starts.length; i++) {
      for (let k = i + 1; k < starts.length; k++) {
        const need = ((k - i) * cost - capacity) * rateLimit;
        expect(starts[k]! - starts[i]!).toBeGreaterThanOrEqual(need - 1); // 1 ms: the synchronous hop from grant to socket
      }
    }
    expect(fake.stats().earlyRequests).toBe(0);
  });

  it('gives back the slot of a request whose signing throws, so the next one still goes', async () => {
    const guard = ExchangeGuard.for(binance());
    await guard.read('loadMarkets', (ex) => ex.loadMarkets());
    const err = await guard.read('fetchBalance', (ex) => ex.fetchBalance()).catch((e: unknown) => e);
    expect(isSextantError(err, 'AUTHENTICATION')).toBe(true);
    expect(await guard.read('fetchTime', (ex) => ex.fetchTime())).toBe(fake.state.now());
  });

  it('opens the circuit after N consecutive failures, fails fast, then closes after a good probe', async () => {
    const guard = ExchangeGuard.for(binance(), { retries: 0, circuitThreshold: 3, circuitCooldownMs: 150 });
    const states: string[] = [];
    guard.on('circuit', (e) => states.push(e.state));
    fake.faults.enqueue('server-error', 'server-error', 'server-error');
    for (let i = 0; i < 3; i++) await expect(guard.read('fetchTime', (ex) => ex.fetchTime())).rejects.toThrow();
    const n = fake.requests.length;
    const open = await guard.read('fetchTime', (ex) => ex.fetchTime()).catch((e: unknown) => e);
    expect(isSextantError(open, 'CIRCUIT_OPEN')).toBe(true);
    expect(fake.requests.length).toBe(n);
    await new Promise((r) => setTimeout(r, 160));
    await guard.read('fetchTime', (ex) => ex.fetchTime());
    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect(guard.stats().circuit).toBe('closed');
  });

  it('is one per exchange instance', () => {
    const ex = binance();
    expect(ExchangeGuard.for(ex)).toBe(ExchangeGuard.for(ex));
    expect(() => new ExchangeGuard(ex)).toThrow(/already has a guard/);
  });
});
