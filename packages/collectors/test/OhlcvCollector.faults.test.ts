import { type OHLCVRow, candlesFromOHLCV, validateCandles } from '@sextant/core';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeGuard } from '../src/guard/ExchangeGuard.js';
import { OhlcvCollector } from '../src/ohlcv/OhlcvCollector.js';
import {
  FAULT_KINDS,
  type FakeExchange,
  type FaultScript,
  MemoryCandleStore,
  loadOhlcvFile,
  startFakeExchange,
} from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);
const BASES = ['ETH', 'LTC', 'NXT', 'XLM', 'ETC', 'ADA', 'TRX', 'DASH', 'XMR', 'ZEC'] as const;
const RATE_LIMIT_MS = 5;
// The fake's weight budget. ccxt's binance cost unit is 5 Binance weight per `rateLimit` ms
// (50 ms in production = 6000 weight/minute), so rateLimit 5 ms allows 1000 weight/s; the
// budget adds 25% for the small burst ccxt's leaky bucket (capacity 1 unit) lets through.
const BUDGET = { weight: 1250, windowMs: 1000 };

const sources = new Map<string, OHLCVRow[]>(
  BASES.map((b) => [`${b}/BTC`, loadOhlcvFile(new URL(`${b}_BTC-5m.json`, DATA))]),
);

function expectSameCandles(got: ReturnType<typeof candlesFromOHLCV>, rows: readonly OHLCVRow[]): void {
  const want = candlesFromOHLCV(rows);
  expect(got.length).toBe(want.length);
  for (const f of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
    expect(Array.from(got[f])).toEqual(Array.from(want[f]));
  }
}

describe('OhlcvCollector through the fake Binance with 20% of requests faulted', () => {
  let fake: FakeExchange;
  beforeAll(async () => {
    fake = await startFakeExchange({
      data: [...sources].map(([symbol, candles]) => ({ symbol, timeframe: '5m' as const, candles })),
      // Every kind but missing rows: a gap's one re-request could be hit by a
      // second omission, and the candle would then (rightly) be reported as a
      // gap, not collected. Missing rows have their own tests below.
      faults: {
        rate: 0.2,
        seed: 20180110,
        retryAfterSec: 1,
        slowMs: 600,
        kinds: FAULT_KINDS.filter((k) => k !== 'missing-rows'),
      },
      budget: BUDGET,
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('collects all ten */BTC 5m markets exactly, reports the true gaps, respects Retry-After and the budget', async () => {
    const exchange = new ccxt.binance(fake.ccxtConfig({ rateLimit: RATE_LIMIT_MS, timeout: 300 }));
    const guard = ExchangeGuard.for(exchange, { minBackoffMs: 20, maxBackoffMs: 200, retries: 8 });
    const pauses: number[] = [];
    guard.on('pause', (e) => pauses.push(e.until));
    const collector = new OhlcvCollector({ exchange, guard, concurrency: 3 });
    const since = sources.get('ETH/BTC')![0]![0];
    const outcomes = await collector.collectMany(BASES.map((b) => ({ symbol: `${b}/BTC`, timeframe: '5m', since })));

    for (const o of outcomes) {
      if (!o.ok) throw o.error;
      const rows = sources.get(o.request.symbol)!;
      expectSameCandles(o.result.candles, rows);
      const trueGaps = validateCandles(candlesFromOHLCV(rows), { timeframe: '5m' }).gaps;
      expect(o.result.report.gaps).toEqual(trueGaps);
      expect(o.result.report.repaired).toBe(0);
    }
    const stats = fake.stats();
    const faulted = Object.values(stats.faults).reduce((a, b) => a + (b ?? 0), 0);
    expect(faulted / stats.requests).toBeGreaterThan(0.12);
    expect((stats.faults['rate-limit'] ?? 0) + (stats.faults.ban ?? 0)).toBeGreaterThan(0);
    expect(stats.earlyRequests).toBe(0);
    expect(stats.overBudget).toBe(0);
    expect(stats.maxWindowWeight).toBeLessThanOrEqual(BUDGET.weight);
    expect(pauses.length).toBeGreaterThan(0);
    const usage = guard.stats();
    expect(usage.requests.total).toBe(stats.requests);
    expect(usage.retries).toBeGreaterThan(0);
    expect(outcomes.reduce((n, o) => n + (o.ok ? o.result.report.retries : 0), 0)).toBeGreaterThan(0);
  });
});

describe('OhlcvCollector with a store', () => {
  it('resumes after the last stored candle: a second run fetches only the new candles', async () => {
    const rows = sources.get('ADA/BTC')!;
    let now = rows[4000]![0] + 1; // candle 4000 is still open
    const fake = await startFakeExchange({
      data: [{ symbol: 'ADA/BTC', timeframe: '5m', candles: rows }],
      faults: { rate: 0.2, seed: 5, kinds: ['server-error', 'short-page', 'duplicates', 'out-of-order', 'malformed'] },
      now: () => now,
    });
    try {
      const exchange = new ccxt.binance(fake.ccxtConfig({ rateLimit: 1, timeout: 500 }));
      ExchangeGuard.for(exchange, { minBackoffMs: 5, maxBackoffMs: 50, retries: 8 });
      const store = new MemoryCandleStore();
      const collector = new OhlcvCollector({ exchange, store, now: () => now });
      const key = { exchange: 'binance', symbol: 'ADA/BTC', timeframe: '5m' as const };

      const first = await collector.collect({ symbol: 'ADA/BTC', timeframe: '5m', since: rows[0]![0] });
      expectSameCandles(first.candles, rows.slice(0, 4000));
      expect(store.read(key)?.length).toBe(4000);

      now = rows[rows.length - 1]![0] + 5 * 60_000;
      const before = fake.requests.length;
      const second = await collector.collect({ symbol: 'ADA/BTC', timeframe: '5m', since: rows[0]![0] });
      expectSameCandles(second.candles, rows.slice(4000));
      expect(second.report.from).toBe(rows[3999]![0] + 300_000);
      const klines = fake.requests.slice(before).filter((r) => r.path === '/api/v3/klines');
      expect(klines.length).toBe(second.report.pages + second.report.retries);
      expect(second.report.fetched).toBeLessThanOrEqual(rows.length - 4000 + 2 * 1000);
      expectSameCandles(store.read(key)!, rows);

      const third = await collector.collect({ symbol: 'ADA/BTC', timeframe: '5m', since: rows[0]![0] });
      expect(third.candles.length).toBe(0);
      expect(third.report.pages).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

describe('OhlcvCollector re-requests gaps', () => {
  /** One collection of `rows` (one market) from a fresh fake Binance with `faults`. */
  async function collectOnce(
    symbol: string,
    timeframe: '1m' | '5m',
    rows: readonly OHLCVRow[],
    faults: FaultScript,
    repairGaps = true,
  ) {
    const fake = await startFakeExchange({
      data: [{ symbol, timeframe, candles: rows }],
      faults: { ...faults, paths: ['/api/v3/klines'] },
    });
    try {
      const exchange = new ccxt.binance(fake.ccxtConfig({ rateLimit: 1, timeout: 2000 }));
      const collector = new OhlcvCollector({ exchange, repairGaps });
      const result = await collector.collect({
        symbol,
        timeframe,
        since: rows[0]![0],
        until: rows[rows.length - 1]![0],
      });
      const klines = fake.requests.filter((r) => r.path === '/api/v3/klines').length;
      return { ...result, klines };
    } finally {
      await fake.close();
    }
  }

  it('gets back the candles a page left out, all of one page in one more request', async () => {
    const rows = sources.get('ETH/BTC')!; // no true gaps
    const clean = await collectOnce('ETH/BTC', '5m', rows, {});
    const { candles, report, klines } = await collectOnce('ETH/BTC', '5m', rows, { queue: ['missing-rows'] });
    expectSameCandles(candles, rows);
    expect(report.gaps).toEqual([]);
    // The first page came back without every seventh candle inside it.
    expect(report.repaired).toBeGreaterThan(100);
    expect(report.fetched).toBeLessThanOrEqual(clean.report.fetched + 1000); // one page more
    expect(report.pages).toBe(clean.report.pages + 1);
    expect(klines).toBe(report.pages);
  });

  it('reports as gaps the candles its one re-request did not bring (it came back short), and keeps all the others', async () => {
    const rows = sources.get('ETH/BTC')!;
    const { candles, report } = await collectOnce('ETH/BTC', '5m', rows, { queue: ['missing-rows', 'short-page'] });
    const got = new Set(candles.timestamp);
    const missing = rows.filter((r) => !got.has(r[0]));
    expect(missing.length).toBeGreaterThan(0);
    const inGaps = (t: number) => report.gaps.some((g) => g.from <= t && t <= g.to);
    expect(missing.every((r) => inGaps(r[0]))).toBe(true);
    expect(report.gaps.reduce((n, g) => n + g.missing, 0)).toBe(missing.length);
    expectSameCandles(
      candles,
      rows.filter((r) => got.has(r[0])),
    );
  });

  it('re-requests the true gaps of a gappy market page by page, not gap by gap', async () => {
    const rows = loadOhlcvFile(new URL('GAPPY_BTC-1m.json', DATA));
    const trueGaps = validateCandles(candlesFromOHLCV(rows), { timeframe: '1m' }).gaps;
    expect(trueGaps.length).toBeGreaterThan(500);
    const plain = await collectOnce('GAP/BTC', '1m', rows, {}, false);
    const repaired = await collectOnce('GAP/BTC', '1m', rows, {});
    for (const r of [plain, repaired]) {
      expectSameCandles(r.candles, rows);
      expect(r.report.gaps).toEqual(trueGaps);
    }
    expect(repaired.report.repaired).toBe(0);
    // The gaps of one page go out together in requests of a page's span
    // each: at most one per page plus one per page size of the market's time
    // span. One request per gap took more than 500.
    const extra = repaired.report.pages - plain.report.pages;
    const minutes = (rows[rows.length - 1]![0] - rows[0]![0]) / 60_000 + 1;
    expect(extra).toBeLessThanOrEqual(plain.report.pages + Math.ceil(minutes / 1000));
    expect(extra).toBeLessThan(trueGaps.length / 10);
    expect(repaired.klines).toBe(repaired.report.pages);
  });
});
