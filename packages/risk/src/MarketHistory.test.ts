import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type CandleSeries, type OHLCVRow, candlesFromOHLCV } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { MarketHistory } from './MarketHistory.js';
import { pearson } from './pearson.js';

// References: TA-Lib's ATR (the C library built by the talib@1.1.6 npm package)
// on the real ETH/BTC 5m candles; correlation and volatility recomputed
// naively over the candle times both markets share.
const DATA = new URL('../../../data/ohlcv/', import.meta.url);
const load = (f: string): CandleSeries =>
  candlesFromOHLCV(JSON.parse(readFileSync(fileURLToPath(new URL(f, DATA)), 'utf8')) as OHLCVRow[]);
const talib = createRequire(import.meta.url)('talib') as {
  execute(p: Record<string, unknown>): { begIndex: number; nbElement: number; result: { outReal: number[] } };
};

function feed(h: MarketHistory, symbol: string, s: CandleSeries, n: number): void {
  for (let i = 0; i < n; i++) {
    h.observe({
      symbol,
      timeframe: '5m',
      candle: {
        timestamp: s.timestamp[i]!,
        open: s.open[i]!,
        high: s.high[i]!,
        low: s.low[i]!,
        close: s.close[i]!,
        volume: s.volume[i]!,
      },
    });
  }
}

describe('MarketHistory', () => {
  const eth = load('ETH_BTC-5m.json');
  const ltc = load('LTC_BTC-5m.json');

  it('ATR(14) equals TA-Lib ATR on the real ETH/BTC series, from its first value on', () => {
    const ref = talib.execute({
      name: 'ATR',
      startIdx: 0,
      endIdx: eth.length - 1,
      high: Array.from(eth.high),
      low: Array.from(eth.low),
      close: Array.from(eth.close),
      optInTimePeriod: 14,
    });
    expect(ref.begIndex).toBe(14);
    const inc = new MarketHistory(100, 14);
    for (let i = 0; i < eth.length; i++) {
      inc.observe({
        symbol: 'ETH/BTC',
        timeframe: '5m',
        candle: {
          timestamp: eth.timestamp[i]!,
          open: eth.open[i]!,
          high: eth.high[i]!,
          low: eth.low[i]!,
          close: eth.close[i]!,
          volume: 1,
        },
      });
      const ours = inc.atr('ETH/BTC');
      if (i < 14) expect(ours).toBeUndefined();
      else {
        const theirs = ref.result.outReal[i - 14]!;
        expect(Math.abs(ours! - theirs) / theirs).toBeLessThan(1e-9);
      }
    }
  });

  it('correlation over common candle times equals a naive Pearson on the aligned log returns', () => {
    const h = new MarketHistory(300, 14);
    feed(h, 'ETH/BTC', eth, 1_000);
    feed(h, 'LTC/BTC', ltc, 1_000);
    const ret = (s: CandleSeries): Map<number, number> => {
      const m = new Map<number, number>();
      for (let i = 700; i < 1_000; i++) m.set(s.timestamp[i]!, Math.log(s.close[i]! / s.close[i - 1]!));
      return m;
    };
    const a = ret(eth);
    const b = ret(ltc);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [t, x] of a) {
      const y = b.get(t);
      if (y !== undefined) {
        xs.push(x);
        ys.push(y);
      }
    }
    expect(xs.length).toBeGreaterThan(250);
    expect(h.correlation('ETH/BTC', 'LTC/BTC')).toBeCloseTo(pearson(xs, ys)!, 12);
    expect(h.correlation('ETH/BTC', 'LTC/BTC')).toBe(h.correlation('ETH/BTC', 'LTC/BTC')); // cached
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(h.volatility('ETH/BTC')).toBeCloseTo(sd, 12);
    expect(h.correlation('ETH/BTC', 'XMR/BTC')).toBeUndefined();
  });

  it('pearson: +1, -1 and undefined for a constant series', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 15);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeUndefined();
  });
});
