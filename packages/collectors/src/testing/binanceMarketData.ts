import type { OHLCVRow } from '@sextant/core';
import { timeframeToMs } from '@sextant/core';
import type { FakeMarket } from './FakeExchange.type.js';
import { binanceNumber } from './binanceNumber.js';
import { seededRandom } from '@sextant/core';

/** Index of the first candle with open time >= `t` (binary search). */
export function lowerBound(rows: readonly OHLCVRow[], t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as OHLCVRow)[0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which candles Binance's `GET /api/v3/klines` returns, as an index range
 * `[from, to)`: with `startTime`, the first `limit` candles opening at or
 * after it (and at or before `endTime`); with only `endTime`, the last
 * `limit` candles up to it; otherwise the latest `limit`. Only candles opened
 * at or before `now` are served (the last one may still be open).
 */
export function selectKlines(
  m: FakeMarket,
  q: { startTime?: number; endTime?: number; limit: number; now: number },
): [number, number] {
  const rows = m.candles;
  const end = Math.min(q.endTime ?? Number.POSITIVE_INFINITY, q.now);
  const endIdx = lowerBound(rows, end + 1); // exclusive
  if (q.startTime !== undefined) {
    const from = Math.min(lowerBound(rows, q.startTime), endIdx);
    return [from, Math.min(endIdx, from + q.limit)];
  }
  return [Math.max(0, endIdx - q.limit), endIdx];
}

/** One kline row in Binance's exact layout (12 fields, prices as strings). */
export function binanceKline(row: OHLCVRow, stepMs: number): unknown[] {
  const [t, o, h, l, c, v] = row;
  const quote = v * c;
  return [
    t,
    binanceNumber(o),
    binanceNumber(h),
    binanceNumber(l),
    binanceNumber(c),
    binanceNumber(v),
    t + stepMs - 1,
    binanceNumber(Number(quote.toFixed(8))),
    Math.max(1, Math.round(v)),
    binanceNumber(Number((v / 2).toFixed(8))),
    binanceNumber(Number((quote / 2).toFixed(8))),
    '0',
  ];
}

/** `GET /api/v3/ticker/24hr` for one market, computed from the last 24 h of candles before `now`. */
export function binanceTicker24hr(id: string, m: FakeMarket, now: number): Record<string, unknown> {
  const step = timeframeToMs(m.timeframe);
  const [from, to] = selectKlines(m, { endTime: now - step, limit: Math.max(1, Math.round(86_400_000 / step)), now });
  const rows = m.candles.slice(from, to);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) throw new Error(`no candles before ${now} for ${id}`);
  let high = 0;
  let low = Number.POSITIVE_INFINITY;
  let volume = 0;
  let quoteVolume = 0;
  for (const r of rows) {
    high = Math.max(high, r[2]);
    low = Math.min(low, r[3]);
    volume += r[5];
    quoteVolume += r[5] * r[4];
  }
  const open = first[1];
  const close = last[4];
  const tick = close / 10_000;
  return {
    symbol: id,
    priceChange: binanceNumber(Number((close - open).toFixed(8))),
    priceChangePercent: ((100 * (close - open)) / open).toFixed(3),
    weightedAvgPrice: binanceNumber(Number((volume > 0 ? quoteVolume / volume : close).toFixed(8))),
    prevClosePrice: binanceNumber(open),
    lastPrice: binanceNumber(close),
    lastQty: '1.00000000',
    bidPrice: binanceNumber(Number((close - tick).toFixed(8))),
    bidQty: '10.00000000',
    askPrice: binanceNumber(Number((close + tick).toFixed(8))),
    askQty: '10.00000000',
    openPrice: binanceNumber(open),
    highPrice: binanceNumber(high),
    lowPrice: binanceNumber(low),
    volume: binanceNumber(Number(volume.toFixed(8))),
    quoteVolume: binanceNumber(Number(quoteVolume.toFixed(8))),
    openTime: first[0],
    closeTime: last[0] + step - 1,
    firstId: 1,
    lastId: rows.length,
    count: rows.length,
  };
}

/** `GET /api/v3/depth`: a seeded book around the last close, `limit` levels a side, one tick apart. */
export function binanceDepth(close: number, limit: number, updateId: number): Record<string, unknown> {
  const rand = seededRandom(Math.round(close * 1e8) ^ updateId);
  const tick = close / 10_000;
  const bids: [string, string][] = [];
  const asks: [string, string][] = [];
  for (let i = 0; i < limit; i++) {
    bids.push([
      binanceNumber(Number((close - tick * (i + 1)).toFixed(8))),
      binanceNumber(Number((1 + rand() * 50).toFixed(3))),
    ]);
    asks.push([
      binanceNumber(Number((close + tick * (i + 1)).toFixed(8))),
      binanceNumber(Number((1 + rand() * 50).toFixed(3))),
    ]);
  }
  return { lastUpdateId: updateId, bids, asks };
}
