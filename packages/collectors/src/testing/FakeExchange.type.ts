import type { IncomingHttpHeaders } from 'node:http';
import type { OHLCVRow, Timeframe } from '@sextant/core';

/** One market served by the fake exchange: real candles of one timeframe. */
export interface FakeMarket {
  /** Unified symbol, e.g. `ETH/BTC`; the Binance id is `ETHBTC`. */
  symbol: string;
  /** Timeframe of `candles`; klines for other intervals answer Binance's `-1120` error. */
  timeframe: Timeframe;
  /** Candles in ccxt's layout, oldest first (e.g. a file of the repository's `data/ohlcv`). */
  candles: readonly OHLCVRow[];
  /** Price step for `PRICE_FILTER`. @default derived from the last close (4 significant digits) */
  tickSize?: number;
  /** Amount step for `LOT_SIZE`. @default 0.001 */
  stepSize?: number;
  /** `NOTIONAL.minNotional` in quote currency. @default 0.0001 */
  minNotional?: number;
}

/** What can go wrong with one request. */
export type FaultKind =
  | 'rate-limit'
  | 'ban'
  | 'server-error'
  | 'slow'
  | 'malformed'
  | 'short-page'
  | 'duplicates'
  | 'out-of-order'
  | 'missing-rows';

/** A fault script: random faults at a seeded rate, plus a queue of exact faults for the next requests. */
export interface FaultScript {
  /** Share of requests faulted at random, 0..1. @default 0 */
  rate?: number;
  /** Seed of the fault dice. @default 1 */
  seed?: number;
  /** Kinds drawn at random (uniformly). @default every {@link FaultKind} */
  kinds?: readonly FaultKind[];
  /** Faults applied, in order, to the next requests (before random ones). */
  queue?: FaultKind[];
  /** `Retry-After` of `rate-limit` and `ban` answers, seconds. @default 1 */
  retryAfterSec?: number;
  /** Delay of `slow` answers, ms (set it past the client's timeout). @default 1500 */
  slowMs?: number;
  /** Only paths starting with one of these are faulted. @default every path */
  paths?: readonly string[];
}

/** A request as a route handler sees it. */
export interface FakeRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Path without the query, e.g. `/api/v3/klines`. */
  path: string;
  /** Query string parameters. */
  query: URLSearchParams;
  /** Form-encoded body parameters (Binance signed calls send these), empty when none. */
  body: URLSearchParams;
  /** Raw body text. */
  rawBody: string;
  /** Request headers (lower-case names). */
  headers: IncomingHttpHeaders;
}

/** What a route handler answers. */
export interface FakeReply {
  /** HTTP status. @default 200 */
  status?: number;
  /** JSON body (serialised with `JSON.stringify`), or a raw string sent as is. */
  body: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /**
   * A JSON array sent as pre-serialised rows (`[row,row,...]`), used instead
   * of `body` when given; data faults (short pages, duplicates, disorder) act on it.
   */
  rawRows?: readonly string[];
}

/** State of a running fake exchange, shared with plugins. */
export interface FakeExchangeState {
  /** Markets by Binance id (`ETHBTC`). */
  readonly markets: ReadonlyMap<string, FakeMarket>;
  /** The server's clock, ms. */
  now(): number;
  /** The close of the last candle at or before `now()`, the price the fake trades at. */
  lastPrice(marketId: string): number | undefined;
  /** Free-form state for plugins (balances, orders), keyed by plugin. */
  readonly shared: Map<string, unknown>;
}

/** One route of the fake exchange. */
export interface FakeRoute {
  /** HTTP method, upper case. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, e.g. `/api/v3/order`. */
  path: string;
  /** Request weight counted against the fake's budget. @default 1 */
  weight?: number | ((req: FakeRequest) => number);
  /** Answer the request. Throwing answers HTTP 500. */
  handle(req: FakeRequest, state: FakeExchangeState): FakeReply | Promise<FakeReply>;
}

/** A bundle of routes added to the fake exchange (e.g. Binance's signed order endpoints). */
export interface FakeExchangePlugin {
  /** Name, for logs and `shared` state keys. */
  name: string;
  /** Routes; they take precedence over built-in routes of the same method and path. */
  routes: readonly FakeRoute[];
  /** Called once when the plugin is installed, to seed `state.shared`. */
  setup?(state: FakeExchangeState): void;
}

/** One request the fake exchange saw. */
export interface FakeRequestRecord {
  method: string;
  path: string;
  /** Arrival time, ms (server clock `Date.now()`). */
  at: number;
  /** Answered status. */
  status: number;
  /** The fault applied, if any. */
  fault?: FaultKind;
  /** Request weight. */
  weight: number;
  /** Whether it arrived while a Retry-After/ban was in force. */
  early: boolean;
}

/** Counters of a fake exchange run. */
export interface FakeExchangeStats {
  /** Requests received. */
  requests: number;
  /** Faults applied, by kind. */
  faults: Partial<Record<FaultKind, number>>;
  /** Requests that arrived while a Retry-After or ban was still in force (real Binance escalates these to bans). */
  earlyRequests: number;
  /** Requests that exceeded the weight budget and were answered 429. */
  overBudget: number;
  /** Highest weight seen in any budget window. */
  maxWindowWeight: number;
}

/** Options of {@link startFakeExchange}. */
export interface FakeExchangeOptions {
  /** Markets and their candles. */
  data: readonly FakeMarket[];
  /** Fault script. @default no faults */
  faults?: FaultScript;
  /** Weight budget like Binance's `REQUEST_WEIGHT`; excess is answered 429 and counted. @default none */
  budget?: { weight: number; windowMs: number };
  /** Server clock. @default `Date.now` */
  now?: () => number;
  /** Extra routes (e.g. signed order endpoints). */
  plugins?: readonly FakeExchangePlugin[];
  /** Port to listen on. @default 0 (a free port) */
  port?: number;
}
