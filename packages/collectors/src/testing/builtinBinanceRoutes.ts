import { timeframeToMs } from '@sextant/core';
import type { FakeExchangeState, FakeMarket, FakeReply, FakeRequest, FakeRoute } from './FakeExchange.type.js';
import { binanceExchangeInfo } from './binanceExchangeInfo.js';
import { binanceDepth, binanceKline, binanceTicker24hr, selectKlines } from './binanceMarketData.js';

/** Binance's error body with HTTP 400. */
function binanceError(code: number, msg: string, status = 400): FakeReply {
  return { status, body: { code, msg } };
}

const BAD_SYMBOL = binanceError(-1121, 'Invalid symbol.');

function symbolParam(req: FakeRequest, state: FakeExchangeState): FakeReply | string {
  const id = req.query.get('symbol');
  if (id === null || id === '') {
    return binanceError(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
  }
  return state.markets.has(id) ? id : BAD_SYMBOL;
}

function intParam(req: FakeRequest, name: string): number | undefined {
  const v = req.query.get(name);
  return v === null ? undefined : Number.parseInt(v, 10);
}

/** Weight of a depth call: Binance's weights by limit (5, 25, 50, 250). */
function depthWeight(req: FakeRequest): number {
  const limit = intParam(req, 'limit') ?? 100;
  return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
}

/** Weight of ticker/24hr: 2 for one symbol or up to 20 listed, 40 for up to 100, 80 for all. */
function tickerWeight(req: FakeRequest): number {
  if (req.query.has('symbol')) return 2;
  const list = req.query.get('symbols');
  if (list === null) return 80;
  const n = list.split(',').length;
  return n <= 20 ? 2 : n <= 100 ? 40 : 80;
}

/** Kline rows of each market serialised once (the JSON text Binance would send), by market. */
const klineText = new WeakMap<FakeMarket, string[]>();
function klineRows(m: FakeMarket): string[] {
  let rows = klineText.get(m);
  if (rows === undefined) {
    const step = timeframeToMs(m.timeframe);
    rows = m.candles.map((r) => JSON.stringify(binanceKline(r, step)));
    klineText.set(m, rows);
  }
  return rows;
}

let updateId = 1_000_000;

/**
 * The public Binance spot routes of the fake exchange: ping, time,
 * exchangeInfo, klines, ticker/24hr and depth, answering in Binance's JSON
 * (and its error codes -1102, -1120, -1121), with Binance's request weights
 * (klines 2, exchangeInfo 20, depth 5-250 by limit, ticker/24hr 2-80); ccxt's
 * binance cost table is the same weights divided by 5 (cost units of `rateLimit` ms).
 *
 * @returns the routes
 */
export function builtinBinanceRoutes(): FakeRoute[] {
  return [
    { method: 'GET', path: '/api/v3/ping', handle: () => ({ body: {} }) },
    { method: 'GET', path: '/api/v3/time', handle: (_req, s) => ({ body: { serverTime: s.now() } }) },
    {
      method: 'GET',
      path: '/api/v3/exchangeInfo',
      weight: 20,
      handle: (_req, s) => ({ body: binanceExchangeInfo(s.markets.values(), s.now()) }),
    },
    {
      method: 'GET',
      path: '/api/v3/klines',
      weight: 2,
      handle: (req, s) => {
        const id = symbolParam(req, s);
        if (typeof id !== 'string') return id;
        const m = s.markets.get(id);
        const interval = req.query.get('interval');
        if (m === undefined || interval !== m.timeframe) return binanceError(-1120, 'Invalid interval.');
        const limit = Math.min(1000, Math.max(1, intParam(req, 'limit') ?? 500));
        const startTime = intParam(req, 'startTime');
        const endTime = intParam(req, 'endTime');
        const [from, to] = selectKlines(m, {
          limit,
          now: s.now(),
          ...(startTime === undefined ? {} : { startTime }),
          ...(endTime === undefined ? {} : { endTime }),
        });
        return { body: '', rawRows: klineRows(m).slice(from, to) };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/ticker/24hr',
      weight: tickerWeight,
      handle: (req, s) => {
        const list = req.query.get('symbols');
        if (list !== null) {
          let ids: unknown;
          try {
            ids = JSON.parse(list);
          } catch {
            ids = undefined;
          }
          if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !s.markets.has(id))) return BAD_SYMBOL;
          return { body: (ids as string[]).map((id) => binanceTicker24hr(id, s.markets.get(id)!, s.now())) };
        }
        if (!req.query.has('symbol')) {
          return { body: [...s.markets.entries()].map(([id, m]) => binanceTicker24hr(id, m, s.now())) };
        }
        const id = symbolParam(req, s);
        if (typeof id !== 'string') return id;
        return { body: binanceTicker24hr(id, s.markets.get(id)!, s.now()) };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/depth',
      weight: depthWeight,
      handle: (req, s) => {
        const id = symbolParam(req, s);
        if (typeof id !== 'string') return id;
        const limit = Math.min(5000, Math.max(1, intParam(req, 'limit') ?? 100));
        const close = s.lastPrice(id) ?? 1;
        updateId += 1;
        return { body: binanceDepth(close, limit, updateId) };
      },
    },
  ];
}
