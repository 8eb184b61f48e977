import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OHLCVRow } from '@sextant/core';
import { lowerBound } from './binanceMarketData.js';

/** A coin served by the fake CoinGecko, priced from a real candle series. */
export interface FakeCoin {
  /** CoinGecko id, e.g. `ethereum`. */
  id: string;
  /** Symbol, lower case. */
  symbol: string;
  /** Display name. */
  name: string;
  /** USD price history in ccxt's layout (close = price, volume in coins). */
  candles: readonly OHLCVRow[];
  /** Circulating supply, for market cap. */
  supply: number;
}

/** Faults of the fake CoinGecko, applied to the next requests in order. */
export type FakeCoinGeckoFault = 'server-error' | 'slow' | 'malformed' | 'rate-limit' | 'drop-field' | 'extra-field';

/** Options of {@link startFakeCoinGecko}. */
export interface FakeCoinGeckoOptions {
  /** Coins and their USD history. */
  coins: readonly FakeCoin[];
  /** Accepted keys and each key's requests per minute; without it, no key is needed. */
  keys?: Readonly<Record<string, number>>;
  /** Header carrying the key. @default `x-cg-pro-api-key` */
  keyHeader?: string;
  /** EUR per USD. @default 0.92 */
  eurPerUsd?: number;
  /** Server clock, ms. @default the last candle's time */
  now?: () => number;
  /** Delay of `slow` answers, ms. @default 1500 */
  slowMs?: number;
}

/** One request the fake CoinGecko saw. */
export interface FakeCoinGeckoRecord {
  path: string;
  at: number;
  status: number;
  /** Index of the key used in `options.keys` (insertion order), -1 when none or unknown. */
  keyIndex: number;
  fault?: FakeCoinGeckoFault;
}

/** A running fake CoinGecko. */
export interface FakeCoinGecko {
  /** Base URL to give the client (`.../api/v3`). */
  readonly baseUrl: string;
  /** Requests seen. */
  readonly requests: readonly FakeCoinGeckoRecord[];
  /** Requests refused because a key exceeded its per-minute budget. */
  overBudget(): number;
  /** Fault the next requests. */
  enqueue(...faults: FakeCoinGeckoFault[]): void;
  /** Stop the server. */
  close(): Promise<void>;
}

const HOUR = 3_600_000;

/**
 * Start a fake CoinGecko v3 API on 127.0.0.1 serving `/coins/markets`,
 * `/simple/price`, `/coins/{id}/market_chart/range`, `/coins/{id}/ohlc` and
 * `/coins/{id}/tickers` in CoinGecko's JSON shapes, priced from real candle
 * series; it checks API keys and per-key rate limits (answering 401 and 429
 * like the real API) and applies queued faults (5xx, slow, malformed JSON,
 * 429, a dropped required field, an extra unknown field).
 *
 * @param options - coins, keys and budgets, clock
 * @returns the running server
 * @example
 * ```ts
 * import { startFakeCoinGecko } from '@sextant/collectors/testing';
 * const cg = await startFakeCoinGecko({ coins: [{ id: 'ethereum', symbol: 'eth', name: 'Ethereum', candles, supply: 1e8 }] });
 * // new MarketDataClient({ baseUrl: cg.baseUrl })
 * await cg.close();
 * ```
 */
export async function startFakeCoinGecko(options: FakeCoinGeckoOptions): Promise<FakeCoinGecko> {
  const coins = new Map(options.coins.map((c) => [c.id, c]));
  const keyNames = Object.keys(options.keys ?? {});
  const header = (options.keyHeader ?? 'x-cg-pro-api-key').toLowerCase();
  const eur = options.eurPerUsd ?? 0.92;
  const end = Math.max(...options.coins.map((c) => c.candles[c.candles.length - 1]?.[0] ?? 0));
  const now = options.now ?? (() => end);
  const queue: FakeCoinGeckoFault[] = [];
  const requests: FakeCoinGeckoRecord[] = [];
  const sent = new Map<string, number[]>();
  const timers = new Set<NodeJS.Timeout>();
  let overBudget = 0;

  const priceAt = (c: FakeCoin, t: number): number | null => {
    const i = lowerBound(c.candles, t + 1) - 1;
    return i < 0 ? null : (c.candles[i] as OHLCVRow)[4];
  };
  const change = (c: FakeCoin, ms: number): number | null => {
    const p = priceAt(c, now());
    const q = priceAt(c, now() - ms);
    return p === null || q === null ? null : (100 * (p - q)) / q;
  };
  const marketRow = (c: FakeCoin, rank: number, fx: number): Record<string, unknown> => {
    const p = (priceAt(c, now()) ?? 0) * fx;
    const from = lowerBound(c.candles, now() - 24 * HOUR);
    const to = lowerBound(c.candles, now() + 1);
    const vol = c.candles.slice(from, to).reduce((a, r) => a + r[5] * r[4], 0) * fx;
    return {
      id: c.id,
      symbol: c.symbol,
      name: c.name,
      image: `https://assets.coingecko.com/coins/images/1/large/${c.id}.png`,
      current_price: p,
      market_cap: p * c.supply,
      market_cap_rank: rank,
      total_volume: vol,
      circulating_supply: c.supply,
      price_change_percentage_24h: change(c, 24 * HOUR),
      price_change_percentage_1h_in_currency: change(c, HOUR),
      price_change_percentage_24h_in_currency: change(c, 24 * HOUR),
      price_change_percentage_7d_in_currency: change(c, 7 * 24 * HOUR),
      last_updated: new Date(now()).toISOString(),
    };
  };
  const ranked = (): FakeCoin[] =>
    [...coins.values()].sort((a, b) => (priceAt(b, now()) ?? 0) * b.supply - (priceAt(a, now()) ?? 0) * a.supply);

  const route = (path: string, q: URLSearchParams): { status: number; body: unknown } => {
    const fx = (q.get('vs_currency') ?? 'usd') === 'eur' ? eur : 1;
    if (path === '/api/v3/coins/markets') {
      const ids = q.get('ids')?.split(',');
      const perPage = Number(q.get('per_page') ?? 100);
      const page = Number(q.get('page') ?? 1);
      const rows = ranked()
        .map((c, i) => ({ c, rank: i + 1 }))
        .filter(({ c }) => ids === undefined || ids.includes(c.id))
        .slice((page - 1) * perPage, page * perPage)
        .map(({ c, rank }) => marketRow(c, rank, fx));
      return { status: 200, body: rows };
    }
    if (path === '/api/v3/simple/price') {
      const out: Record<string, Record<string, number>> = {};
      const currencies = (q.get('vs_currencies') ?? 'usd').split(',');
      for (const id of q.get('ids')?.split(',') ?? []) {
        const c = coins.get(id);
        const p = c === undefined ? null : priceAt(c, now());
        if (p === null) continue;
        out[id] = Object.fromEntries(currencies.map((cur) => [cur, cur === 'eur' ? p * eur : p]));
      }
      return { status: 200, body: out };
    }
    const m = /^\/api\/v3\/coins\/([a-z0-9-]+)\/(market_chart\/range|ohlc|tickers)$/.exec(path);
    const c = m === null ? undefined : coins.get(m[1] as string);
    if (m === null) return { status: 404, body: { error: 'Not Found' } };
    if (c === undefined) return { status: 404, body: { error: 'coin not found' } };
    if (m[2] === 'market_chart/range') {
      const from = Number(q.get('from')) * 1000;
      const to = Number(q.get('to')) * 1000;
      const rows = c.candles.slice(lowerBound(c.candles, from), lowerBound(c.candles, to + 1));
      return {
        status: 200,
        body: {
          prices: rows.map((r) => [r[0], r[4] * fx]),
          market_caps: rows.map((r) => [r[0], r[4] * fx * c.supply]),
          total_volumes: rows.map((r) => [r[0], r[5] * r[4] * fx]),
        },
      };
    }
    if (m[2] === 'ohlc') {
      const days = Number(q.get('days') ?? 1);
      const rows = c.candles.slice(lowerBound(c.candles, now() - days * 24 * HOUR), lowerBound(c.candles, now() + 1));
      return { status: 200, body: rows.map((r) => [r[0], r[1] * fx, r[2] * fx, r[3] * fx, r[4] * fx]) };
    }
    const last = priceAt(c, now()) ?? 0;
    return {
      status: 200,
      body: {
        name: c.name,
        tickers: [
          {
            base: c.symbol.toUpperCase(),
            target: 'BTC',
            market: { name: 'Binance', identifier: 'binance', has_trading_incentive: false },
            last,
            volume: 1000,
            converted_last: { btc: last, eth: 1, usd: last },
            trust_score: 'green',
            timestamp: new Date(now()).toISOString(),
          },
        ],
      },
    };
  };

  const damage = (body: unknown, fault: FakeCoinGeckoFault): unknown => {
    const first = Array.isArray(body) ? body[0] : body;
    if (typeof first !== 'object' || first === null || Array.isArray(first)) return body;
    const o = first as Record<string, unknown>;
    if (fault === 'extra-field') o['unexpected_new_field'] = { nested: [1, 2, 3] };
    else {
      const k =
        'current_price' in o ? 'current_price' : 'prices' in o ? 'prices' : 'tickers' in o ? 'tickers' : undefined;
      if (k !== undefined) delete o[k];
      else
        for (const v of Object.values(o))
          if (typeof v === 'object' && v !== null) delete (v as Record<string, unknown>)['eur'];
    }
    return body;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): undefined => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const at = Date.now();
    const key = req.headers[header];
    const keyIndex = typeof key === 'string' ? keyNames.indexOf(key) : -1;
    const record: FakeCoinGeckoRecord = { path: u.pathname, at, status: 200, keyIndex };
    requests.push(record);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): undefined => {
      record.status = status;
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
      return undefined;
    };
    if (options.keys !== undefined) {
      if (keyIndex < 0) return send(401, { status: { error_code: 10002, error_message: 'API Key Missing' } });
      const times = (sent.get(key as string) ?? []).filter((t) => t > at - 60_000);
      if (times.length >= (options.keys[key as string] ?? 0)) {
        overBudget++;
        return send(
          429,
          { status: { error_code: 429, error_message: "You've exceeded the Rate Limit." } },
          { 'retry-after': '60' },
        );
      }
      times.push(at);
      sent.set(key as string, times);
    }
    const fault = queue.shift();
    if (fault !== undefined) record.fault = fault;
    if (fault === 'server-error') return send(503, '<html><body>503 Service Unavailable</body></html>');
    if (fault === 'rate-limit') {
      return send(
        429,
        { status: { error_code: 429, error_message: "You've exceeded the Rate Limit." } },
        { 'retry-after': '1' },
      );
    }
    const out = route(u.pathname, u.searchParams);
    if (fault === 'malformed') return send(200, JSON.stringify(out.body).slice(0, 10));
    if (fault === 'drop-field' || fault === 'extra-field') out.body = damage(out.body, fault);
    if (fault === 'slow') {
      const t = setTimeout(() => {
        timers.delete(t);
        send(out.status, out.body);
      }, options.slowMs ?? 1500);
      timers.add(t);
      return undefined;
    }
    return send(out.status, out.body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    overBudget: () => overBudget,
    enqueue: (...f) => {
      queue.push(...f);
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
