import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timeframeToMs } from '@sextant/core';
import type {
  FakeExchangeOptions,
  FakeExchangePlugin,
  FakeExchangeState,
  FakeExchangeStats,
  FakeMarket,
  FakeReply,
  FakeRequest,
  FakeRequestRecord,
  FakeRoute,
  FaultKind,
} from './FakeExchange.type.js';
import { FaultInjector } from './FaultInjector.js';
import { binanceId } from './binanceExchangeInfo.js';
import { lowerBound } from './binanceMarketData.js';
import { builtinBinanceRoutes } from './builtinBinanceRoutes.js';
import { applyKlineFault } from './applyKlineFault.js';

/** A running fake exchange. */
export interface FakeExchange {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  /** Shared state (markets, clock, plugin state). */
  readonly state: FakeExchangeState;
  /** Every request seen, in arrival order. */
  readonly requests: readonly FakeRequestRecord[];
  /** The fault script in force; `faults.enqueue('ban')` faults the next request. */
  readonly faults: FaultInjector;
  /** Counters so far. */
  stats(): FakeExchangeStats;
  /** Install a plugin's routes (they win over built-in routes of the same method and path). */
  use(plugin: FakeExchangePlugin): void;
  /** ccxt `urls.api` for `ccxt.binance` pointing every spot/sapi endpoint at this server. */
  binanceApiUrls(): Record<string, string>;
  /**
   * A ccxt constructor config for `new ccxt.binance(config)` aimed at this
   * server (spot markets only, no currency fetch), merged with `extra`.
   */
  ccxtConfig(extra?: Record<string, unknown>): Record<string, unknown>;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

const RATE_LIMIT_MSG =
  'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.';

/**
 * Start a fake Binance spot exchange on 127.0.0.1: `ping`, `time`,
 * `exchangeInfo` (real filter shapes), `klines`, `ticker/24hr` and `depth`
 * in Binance's exact JSON, serving the real candles given in `data`, with a
 * seeded fault script (429 + Retry-After, 418 bans, 5xx, slow answers,
 * malformed JSON, short pages, duplicate, out-of-order and missing klines), an optional
 * weight budget, and counters that tests assert on (requests arriving during
 * a Retry-After, budget overruns).
 *
 * Extension hook: `plugins` (or `fake.use(plugin)`) add {@link FakeRoute}s,
 * each a method + exact path with a handler that gets the parsed request and
 * the shared {@link FakeExchangeState} (`markets`, `now()`, `lastPrice(id)`,
 * and a `shared` map for the plugin's own state). Plugin routes go through
 * the same fault script, budget and request log as built-in routes, and win
 * over a built-in route of the same method and path. Signed order endpoints
 * (order, openOrders, myTrades, account) are added this way.
 *
 * @param options - markets with candles, fault script, budget, clock, plugins
 * @returns the running server; call `close()` when done
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { startFakeExchange, loadOhlcvFile } from '@sextant/collectors/testing';
 * const fake = await startFakeExchange({
 *   data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: loadOhlcvFile('data/ohlcv/ETH_BTC-5m.json') }],
 *   faults: { rate: 0.2, seed: 7 },
 * });
 * const binance = new ccxt.binance(fake.ccxtConfig({ rateLimit: 10 }));
 * const candles = await binance.fetchOHLCV('ETH/BTC', '5m', undefined, 10);
 * await fake.close();
 * ```
 */
export async function startFakeExchange(options: FakeExchangeOptions): Promise<FakeExchange> {
  const markets = new Map<string, FakeMarket>(options.data.map((m) => [binanceId(m.symbol), m]));
  const dataEnd = Math.max(
    0,
    ...options.data.map((m) => (m.candles[m.candles.length - 1]?.[0] ?? 0) + timeframeToMs(m.timeframe)),
  );
  const now = options.now ?? (() => dataEnd);
  const state: FakeExchangeState = {
    markets,
    now,
    shared: new Map(),
    lastPrice(id) {
      const m = markets.get(id);
      if (m === undefined) return undefined;
      const i = lowerBound(m.candles, now() - timeframeToMs(m.timeframe) + 1) - 1;
      return m.candles[Math.max(0, i)]?.[4];
    },
  };
  const routes = new Map<string, FakeRoute>();
  for (const r of builtinBinanceRoutes()) routes.set(`${r.method} ${r.path}`, r);
  const use = (plugin: FakeExchangePlugin): void => {
    for (const r of plugin.routes) routes.set(`${r.method} ${r.path}`, r);
    plugin.setup?.(state);
  };
  for (const p of options.plugins ?? []) use(p);

  const faults = new FaultInjector(options.faults);
  const requests: FakeRequestRecord[] = [];
  const stats: FakeExchangeStats = { requests: 0, faults: {}, earlyRequests: 0, overBudget: 0, maxWindowWeight: 0 };
  const window: { at: number; weight: number }[] = [];
  let windowWeight = 0;
  let bannedUntil = 0;
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, reply: FakeReply): void => {
    if (res.destroyed || res.writableEnded) return;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json;charset=UTF-8', ...reply.headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, rawBody: string): Promise<void> => {
    const at = Date.now();
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fr: FakeRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: u.pathname,
      query: u.searchParams,
      body: new URLSearchParams(rawBody),
      rawBody,
      headers: req.headers,
    };
    const route = routes.get(`${fr.method} ${fr.path}`);
    const weight =
      route === undefined ? 1 : typeof route.weight === 'function' ? route.weight(fr) : (route.weight ?? 1);
    const record: FakeRequestRecord = { method: fr.method, path: fr.path, at, status: 200, weight, early: false };
    requests.push(record);
    stats.requests++;
    const reply = (r: FakeReply): void => {
      record.status = r.status ?? 200;
      send(res, r);
    };
    const retryAfter = (status: 418 | 429, sec: number, msg: string): FakeReply => ({
      status,
      body: { code: -1003, msg },
      headers: { 'retry-after': String(sec) },
    });

    if (at < bannedUntil) {
      record.early = true;
      stats.earlyRequests++;
      const sec = Math.ceil((bannedUntil - at) / 1000);
      return reply(retryAfter(418, sec, `Way too much request weight used; IP banned until ${bannedUntil}.`));
    }
    while (window.length > 0 && (window[0] as { at: number }).at <= at - (options.budget?.windowMs ?? 0)) {
      windowWeight -= (window.shift() as { weight: number }).weight;
    }
    if (options.budget !== undefined) {
      if (windowWeight + weight > options.budget.weight) {
        stats.overBudget++;
        const wait = (window[0]?.at ?? at) + options.budget.windowMs - at;
        bannedUntil = at + Math.ceil(wait / 1000) * 1000;
        return reply(retryAfter(429, Math.ceil(wait / 1000), RATE_LIMIT_MSG));
      }
      window.push({ at, weight });
      windowWeight += weight;
      stats.maxWindowWeight = Math.max(stats.maxWindowWeight, windowWeight);
    }

    const fault: FaultKind | undefined = faults.next(fr.path, fr.path === '/api/v3/klines');
    if (fault !== undefined) {
      record.fault = fault;
      stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
    }
    if (fault === 'rate-limit' || fault === 'ban') {
      const sec = faults.retryAfterSec;
      bannedUntil = Date.now() + sec * 1000;
      const msg =
        fault === 'ban' ? `Way too much request weight used; IP banned until ${bannedUntil}.` : RATE_LIMIT_MSG;
      return reply(retryAfter(fault === 'ban' ? 418 : 429, sec, msg));
    }
    if (fault === 'server-error') {
      return reply(
        at % 2 === 0
          ? { status: 503, body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' }
          : {
              status: 500,
              body: { code: -1001, msg: 'Internal error; unable to process your request. Please try again.' },
            },
      );
    }
    if (route === undefined) {
      return reply({ status: 404, body: '<html><body><h2>404 Not found</h2></body></html>' });
    }
    let answer: FakeReply;
    try {
      answer = await route.handle(fr, state);
    } catch (e) {
      answer = { status: 500, body: { code: -1000, msg: `An unknown error occurred: ${(e as Error).message}` } };
    }
    if (answer.rawRows !== undefined) {
      const rows = fault === undefined ? answer.rawRows : (applyKlineFault(fault, answer.rawRows, at) as string[]);
      const { rawRows: _, ...rest } = answer;
      answer = { ...rest, body: `[${rows.join(',')}]` };
    } else if (fault !== undefined && Array.isArray(answer.body)) {
      answer = { ...answer, body: applyKlineFault(fault, answer.body, at) };
    }
    if (fault === 'malformed') {
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      answer = { ...answer, status: 200, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
    }
    if (fault === 'slow') {
      const t = setTimeout(() => {
        timers.delete(t);
        reply(answer);
      }, faults.slowMs);
      timers.add(t);
      return;
    }
    reply(answer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        send(res, { status: 500, body: { code: -1000, msg: String(e) } });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const binanceApiUrls = (): Record<string, string> => ({
    public: `${url}/api/v3`,
    private: `${url}/api/v3`,
    v1: `${url}/api/v1`,
    sapi: `${url}/sapi/v1`,
    sapiV2: `${url}/sapi/v2`,
    sapiV3: `${url}/sapi/v3`,
    sapiV4: `${url}/sapi/v4`,
  });
  return {
    url,
    state,
    requests,
    faults,
    stats: () => ({ ...stats, faults: { ...stats.faults } }),
    use,
    binanceApiUrls,
    ccxtConfig: (extra = {}) => {
      const extraOptions = (extra['options'] ?? {}) as Record<string, unknown>;
      return {
        ...extra,
        urls: { api: binanceApiUrls() },
        options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, ...extraOptions },
      };
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
