import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { type CandleSeries, type OHLCVRow, candlesFromOHLCV, sliceSeries } from '@sextant/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { marketRegime } from '../src/scanner/marketRegime.js';
import { ScanFilter } from '../src/scanner/ScanFilter.js';
import { scanMarkets } from '../src/scanner/scanMarkets.js';
import { DecisionEngine } from '@sextant/core';

// The ten real */BTC 5m markets (2018-01-10 .. 2018-01-30). Momentum, SMA and
// breadth are recomputed independently in DuckDB SQL straight from the JSON files.
const DATA = new URL('../../../data/ohlcv/', import.meta.url);
const COINS = ['ADA', 'DASH', 'ETC', 'ETH', 'LTC', 'NXT', 'TRX', 'XLM', 'XMR', 'ZEC'];
const LOOKBACK = 48;
const series: Record<string, CandleSeries> = {};
const file = (coin: string): string => fileURLToPath(new URL(`${coin}_BTC-5m.json`, DATA));

beforeAll(async () => {
  for (const coin of COINS) {
    series[`${coin}/BTC`] = candlesFromOHLCV(JSON.parse(await readFile(file(coin), 'utf8')) as OHLCVRow[]);
  }
});

async function duckdbStats(rows: number): Promise<{ symbol: string; momentum: number; above: boolean }[]> {
  const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  const out: { symbol: string; momentum: number; above: boolean }[] = [];
  for (const coin of COINS) {
    const r = await db.runAndReadAll(`
      WITH raw AS (SELECT unnest(content::JSON::DOUBLE[][]) AS r FROM read_text('${file(coin)}')),
      c AS (SELECT r[5] AS close, row_number() OVER (ORDER BY r[1]) AS i FROM raw),
      w AS (SELECT * FROM c WHERE i <= ${rows}),
      n AS (SELECT max(i) AS n FROM w)
      SELECT
        (SELECT close FROM w, n WHERE i = n.n) / (SELECT close FROM w, n WHERE i = n.n - ${LOOKBACK}) - 1,
        (SELECT close FROM w, n WHERE i = n.n) > (SELECT avg(close) FROM w, n WHERE i > n.n - ${LOOKBACK})`);
    const [momentum, above] = r.getRowsJS()[0] as [number, boolean];
    out.push({ symbol: `${coin}/BTC`, momentum, above });
  }
  return out;
}

describe('scanner on the ten real */BTC markets', () => {
  for (const rows of [3000, 5720]) {
    it(`momentum-only ranking and regime breadth match DuckDB at row ${rows}`, async () => {
      const universe = COINS.map((c) => ({ symbol: `${c}/BTC`, series: sliceSeries(series[`${c}/BTC`]!, 0, rows) }));
      const reference = await duckdbStats(rows);
      const scan = scanMarkets(universe, {
        topN: 3,
        lookback: LOOKBACK,
        weights: { model: 0, momentum: 1, trend: 0, volume: 0 },
      });
      const expected = [...reference].sort((a, b) => b.momentum - a.momentum).map((r) => r.symbol);
      expect(scan.ranked.map((r) => r.symbol)).toEqual(expected);
      expect(scan.top).toEqual(expected.slice(0, 3));
      for (const r of reference) {
        expect(scan.ranked.find((s) => s.symbol === r.symbol)!.components.momentum).toBeCloseTo(r.momentum, 12);
      }
      const regime = marketRegime(universe, { lookback: LOOKBACK });
      expect(regime.markets).toBe(10);
      expect(regime.breadth).toBe(reference.filter((r) => r.above).length / 10);
      expect(regime.meanReturn).toBeCloseTo(reference.reduce((s, r) => s + r.momentum, 0) / 10, 12);
      expect(['bullish', 'bearish', 'neutral']).toContain(regime.regime);
      expect(regime.confidence).toBeGreaterThanOrEqual(0);
      expect(regime.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('the model component ranks by prediction x confidence; untrusted predictions count as 0', () => {
    const universe = COINS.map((c, i) => ({
      symbol: `${c}/BTC`,
      series: series[`${c}/BTC`]!,
      prediction: { value: 0.001 * i, confidence: 0.5, trusted: c !== 'ZEC' },
    }));
    const scan = scanMarkets(universe, { topN: 2, weights: { model: 1, momentum: 0, trend: 0, volume: 0 } });
    expect(scan.top).toEqual(['XMR/BTC', 'XLM/BTC']); // ZEC has the largest value but is untrusted
    expect(scan.ranked.find((r) => r.symbol === 'ZEC/BTC')!.components.model).toBe(0);
  });

  it('skips markets with too few candles, with a reason', () => {
    const scan = scanMarkets([
      { symbol: 'ETH/BTC', series: series['ETH/BTC']! },
      { symbol: 'LTC/BTC', series: sliceSeries(series['LTC/BTC']!, 0, 10) },
    ]);
    expect(scan.skipped).toEqual([{ symbol: 'LTC/BTC', reason: '10 candles, need 49' }]);
    expect(scan.top).toEqual(['ETH/BTC']);
  });

  it('regime: a universe rising everywhere is bullish, falling everywhere bearish', () => {
    const trend = (k: number): CandleSeries => {
      const rows: OHLCVRow[] = Array.from({ length: 60 }, (_, i) => {
        const p = 100 * (1 + k) ** i;
        return [i * 300_000, p, p, p, p, 10];
      });
      return candlesFromOHLCV(rows);
    };
    const up = marketRegime([1, 2, 3].map((i) => ({ symbol: `U${i}/BTC`, series: trend(0.001 * i) })));
    expect(up.regime).toBe('bullish');
    expect(up.breadth).toBe(1);
    const down = marketRegime([1, 2, 3].map((i) => ({ symbol: `D${i}/BTC`, series: trend(-0.001 * i) })));
    expect(down.regime).toBe('bearish');
    expect(down.confidence).toBeGreaterThan(0.5);
    expect(marketRegime([])).toMatchObject({ regime: 'neutral', confidence: 0, markets: 0 });
  });
});

describe('ScanFilter', () => {
  it('passes BUYs only for the scanned top markets; SELLs always pass', () => {
    const universe = COINS.map((c) => ({ symbol: `${c}/BTC`, series: series[`${c}/BTC`]! }));
    const scan = scanMarkets(universe, { topN: 2, weights: { model: 0, momentum: 1, trend: 0, volume: 0 } });
    const filter = new ScanFilter(new DecisionEngine());
    const ctx = (symbol: string, value: number) => ({
      event: {
        symbol,
        timeframe: '5m' as const,
        candle: { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 },
      },
      featureNames: [],
      features: new Float64Array(0),
      predictions: { r: { value, confidence: 0.9, trusted: true } },
      position: undefined,
    });
    const [first] = scan.top;
    const outsider = scan.ranked.at(-1)!.symbol;
    expect(filter.decide(ctx(first!, 0.02)).action).toBe('HOLD'); // before the first scan
    filter.update(scan);
    expect(filter.decide(ctx(first!, 0.02)).action).toBe('BUY');
    const held = filter.decide(ctx(outsider, 0.02));
    expect(held.action).toBe('HOLD');
    expect(held.reasons.at(-1)).toBe(`${outsider} is not among the scanned markets (top 2: ${scan.top.join(', ')})`);
    expect(filter.decide(ctx(outsider, -0.02)).action).toBe('SELL');
  });
});
