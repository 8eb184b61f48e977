import { type OHLCVRow, isSextantError } from '@sextant/core';
import { afterEach, describe, expect, it } from 'vitest';
import { MarketDataClient } from '../src/marketdata/MarketDataClient.js';
import { type FakeCoinGecko, type FakeCoinGeckoOptions, loadOhlcvFile, startFakeCoinGecko } from '../src/testing.js';

const DATA = new URL('../../../data/ohlcv/', import.meta.url);
// USD prices are the real */BTC candles times a fixed 14,000 USD per BTC (about January 2018),
// so percentage changes are the real ones of the source series.
const BTC_USD = 14_000;
const usd = (file: string): OHLCVRow[] =>
  loadOhlcvFile(new URL(file, DATA)).map((r) => [
    r[0],
    r[1] * BTC_USD,
    r[2] * BTC_USD,
    r[3] * BTC_USD,
    r[4] * BTC_USD,
    r[5],
  ]);
const eth = usd('ETH_BTC-5m.json');
const ltc = usd('LTC_BTC-5m.json');
const COINS = [
  { id: 'ethereum', symbol: 'eth', name: 'Ethereum', candles: eth, supply: 97_000_000 },
  { id: 'litecoin', symbol: 'ltc', name: 'Litecoin', candles: ltc, supply: 54_000_000 },
];
const KEYS = ['cg-key-alpha-0001', 'cg-key-bravo-0002', 'cg-key-charlie-0003'];

let fake: FakeCoinGecko | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const start = async (extra: Partial<FakeCoinGeckoOptions> = {}): Promise<FakeCoinGecko> => {
  fake = await startFakeCoinGecko({ coins: COINS, ...extra });
  return fake;
};

/** Close at or before `t` in `rows`, found by a plain scan (independent of the server's binary search). */
const closeAt = (rows: readonly OHLCVRow[], t: number): number => rows.filter((r) => r[0] <= t).at(-1)![4];

describe('MarketDataClient against the fake CoinGecko', () => {
  it('returns USD and EUR prices with 1h/24h/7d changes computed from the source series', async () => {
    const cg = await start({ eurPerUsd: 0.8 });
    const client = new MarketDataClient({ baseUrl: cg.baseUrl });
    const { data, stale } = await client.prices(['ethereum', 'litecoin']);
    expect(stale).toBe(false);
    const now = eth.at(-1)![0];
    const e = data[0]!;
    expect(e.id).toBe('ethereum');
    expect(e.usd).toBeCloseTo(eth.at(-1)![4], 9);
    expect(e.eur).toBeCloseTo(eth.at(-1)![4] * 0.8, 9);
    for (const [field, h] of [
      ['change1hPct', 1],
      ['change24hPct', 24],
      ['change7dPct', 168],
    ] as const) {
      const past = closeAt(eth, now - h * 3_600_000);
      expect(e[field]).toBeCloseTo((100 * (eth.at(-1)![4] - past)) / past, 9);
    }
    expect(e.marketCapUsd).toBeCloseTo(eth.at(-1)![4] * 97_000_000, 0);
    expect(data[1]?.id).toBe('litecoin');
  });

  it('reads rankings, market_chart ranges, OHLC and tickers', async () => {
    const cg = await start();
    const client = new MarketDataClient({ baseUrl: cg.baseUrl });
    const ranking = (await client.markets({ perPage: 10 })).data;
    expect(ranking.map((r) => r.rank)).toEqual([1, 2]);
    expect(ranking[0]!.marketCap!).toBeGreaterThan(ranking[1]!.marketCap!);
    const from = eth[100]![0];
    const to = eth[399]![0];
    const chart = (await client.marketChartRange('ethereum', { from, to })).data;
    expect(chart.timestamp.length).toBe(300);
    expect(chart.price[0]).toBeCloseTo(eth[100]![4], 9);
    const ohlc = (await client.ohlc('litecoin', { days: 1 })).data;
    expect(ohlc.close.at(-1)).toBeCloseTo(ltc.at(-1)![4], 9);
    expect(ohlc.timestamp.length).toBe(289);
    const tickers = (await client.tickers('ethereum')).data;
    expect(tickers[0]?.market.identifier).toBe('binance');
  });

  it('rotates keys round-robin and never shows a key in stats or errors', async () => {
    const cg = await start({ keys: Object.fromEntries(KEYS.map((k) => [k, 100])) });
    const client = new MarketDataClient({ baseUrl: cg.baseUrl, keys: KEYS, freshMs: 0 });
    for (let i = 0; i < 6; i++) await client.ohlc('ethereum', { days: 1 });
    expect(cg.requests.map((r) => r.keyIndex)).toEqual([0, 1, 2, 0, 1, 2]);
    const s = client.stats();
    expect(s.keys).toEqual([
      { label: 'key#1', lastMinute: 2 },
      { label: 'key#2', lastMinute: 2 },
      { label: 'key#3', lastMinute: 2 },
    ]);
    expect(s.requests.total).toBe(6);
    for (const k of KEYS) expect(JSON.stringify(s)).not.toContain(k);
  });

  it('keeps each key inside its own per-minute budget', async () => {
    const cg = await start({ keys: { [KEYS[0]!]: 2, [KEYS[1]!]: 2 } });
    const client = new MarketDataClient({
      baseUrl: cg.baseUrl,
      keys: KEYS.slice(0, 2),
      rpmPerKey: 2,
      freshMs: 0,
      waitForBudget: false,
    });
    for (let i = 0; i < 4; i++) await client.tickers('ethereum');
    const err = await client.tickers('ethereum').catch((e: unknown) => e);
    expect(isSextantError(err, 'QUOTA_EXCEEDED')).toBe(true);
    expect((err as Error).message).toMatch(/2 requests\/minute budget/);
    expect(cg.overBudget()).toBe(0);
    expect(cg.requests.length).toBe(4);
  });

  it('moves to the next key when one answers 429', async () => {
    const cg = await start({ keys: { [KEYS[0]!]: 100, [KEYS[1]!]: 100 } });
    const client = new MarketDataClient({ baseUrl: cg.baseUrl, keys: KEYS.slice(0, 2), freshMs: 0, minBackoffMs: 1 });
    cg.enqueue('rate-limit');
    await client.tickers('ethereum');
    expect(cg.requests.map((r) => [r.keyIndex, r.status])).toEqual([
      [0, 429],
      [1, 200],
    ]);
  });

  it('fails with a clear QUOTA_EXCEEDED error at the shared monthly cap, without calling the API', async () => {
    const cg = await start({ keys: { [KEYS[0]!]: 100, [KEYS[1]!]: 100 } });
    const client = new MarketDataClient({
      baseUrl: cg.baseUrl,
      keys: KEYS.slice(0, 2),
      monthlyCap: 10,
      monthlyUsed: 7,
      freshMs: 0,
    });
    for (let i = 0; i < 3; i++) await client.tickers('ethereum');
    const err = await client.tickers('ethereum').catch((e: unknown) => e);
    expect(isSextantError(err, 'QUOTA_EXCEEDED')).toBe(true);
    expect((err as Error).message).toMatch(/Monthly cap of 10 requests reached \(10 used\)/);
    expect((err as { retryable: boolean }).retryable).toBe(false);
    expect(cg.requests.length).toBe(3);
    expect(client.stats().month).toEqual({ used: 10, cap: 10 });
  });

  it('serves the last good value marked stale when the API fails, and fails without one', async () => {
    const cg = await start();
    const client = new MarketDataClient({ baseUrl: cg.baseUrl, freshMs: 0, retries: 1, minBackoffMs: 1 });
    const good = await client.tickers('ethereum');
    cg.enqueue('server-error', 'server-error');
    const stale = await client.tickers('ethereum');
    expect(stale.stale).toBe(true);
    expect(stale.data).toEqual(good.data);
    expect(stale.fetchedAt).toBe(good.fetchedAt);
    expect(client.stats().staleServed).toBe(1);
    cg.enqueue('server-error', 'server-error');
    const err = await client.tickers('litecoin').catch((e: unknown) => e);
    expect(isSextantError(err, 'EXCHANGE_UNAVAILABLE')).toBe(true);
  });

  it('retries slow answers past the read timeout and malformed JSON', async () => {
    const cg = await start({ slowMs: 400 });
    const client = new MarketDataClient({ baseUrl: cg.baseUrl, readTimeoutMs: 150, minBackoffMs: 1 });
    cg.enqueue('slow', 'malformed');
    const r = await client.tickers('ethereum');
    expect(r.stale).toBe(false);
    expect(cg.requests.map((x) => x.fault ?? 'ok')).toEqual(['slow', 'malformed', 'ok']);
    expect(client.stats().errors).toEqual({ TIMEOUT: 1, BAD_RESPONSE: 1 });
  });

  it('ignores extra fields and rejects missing required fields with a clear error', async () => {
    const cg = await start();
    const client = new MarketDataClient({ baseUrl: cg.baseUrl, freshMs: 0 });
    cg.enqueue('extra-field');
    expect((await client.markets()).data[0]?.id).toBe('ethereum');
    cg.enqueue('drop-field');
    const err = await client.markets().catch((e: unknown) => e);
    expect(isSextantError(err, 'BAD_RESPONSE')).toBe(true);
    expect((err as Error).message).toMatch(/\/coins\/markets.*"0\.current_price"/);
  });

  it('rejects bad arguments and empty keys with typed errors', async () => {
    expect(() => new MarketDataClient({ keys: ['ok-key-1234', ' '] })).toThrow(/API key #2 is empty/);
    expect(() => new MarketDataClient({ rpmPerKey: 0 })).toThrow(/rpmPerKey/);
    const client = new MarketDataClient({ baseUrl: 'http://127.0.0.1:9/api/v3' });
    await expect(client.prices(['Bad Id'])).rejects.toThrow(/Coin id must look like "bitcoin", got "Bad Id"/);
    await expect(client.ohlc('ethereum', { days: 2 })).rejects.toThrow(/got 2/);
  });
});
