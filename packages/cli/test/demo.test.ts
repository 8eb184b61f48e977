import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetCandleStore } from '@sextant/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../src/demo/DemoResult.type.js';
import { loadDemoCandles } from '../src/demo/loadDemoCandles.js';
import { runDemo } from '../src/demo/runDemo.js';

const MARKETS = ['XLM/BTC', 'ETH/BTC'];
const FIVE_MIN = 300_000;
let dir: string;
let result: DemoResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-demo-'));
  result = await runDemo({ outDir: join(dir, 'a'), markets: MARKETS });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runDemo', () => {
  it('writes the real candles to a Parquet dataset that reads back identical', async () => {
    const embedded = await loadDemoCandles();
    const store = new ParquetCandleStore({ root: result.dataRoot });
    const keys = (await store.list()).map((k) => k.symbol).sort();
    expect(keys).toEqual([...MARKETS].sort());
    for (const symbol of MARKETS) {
      const back = await store.read({ exchange: 'binance', symbol, timeframe: '5m' });
      const src = embedded[symbol];
      expect(back.length).toBe(src?.length);
      expect(Array.from(back.close)).toEqual(Array.from(src?.close ?? []));
    }
  });

  it('trains only on rows whose labels end before the test period', () => {
    const horizonMs = 12 * FIVE_MIN;
    expect(result.model.horizon).toBe('1h');
    const [, lastTrainRow] = result.model.trainRange;
    // The label of the last training row reads the close 12 candles later; that candle opens before the test period.
    expect(lastTrainRow + horizonMs).toBeLessThan(result.testFrom);
    expect(lastTrainRow + horizonMs + FIVE_MIN).toBe(result.testFrom);
    expect(result.model.trainRows).toBeGreaterThan(5000);
    expect(result.model.testRows).toBeGreaterThan(2000);
    expect(result.testFrom % FIVE_MIN).toBe(0);
  });

  it('backtests each market over the test period only, with buy-and-hold from the raw candles', async () => {
    const embedded = await loadDemoCandles();
    for (const m of result.markets) {
      const s = embedded[m.symbol];
      if (s === undefined) throw new Error(m.symbol);
      let i = 0;
      while ((s.timestamp[i] as number) < result.testFrom) i++;
      expect(m.candles).toBe(s.length - i);
      const bh = (s.close[s.length - 1] as number) / (s.open[i] as number) - 1;
      expect(m.buyAndHold).toBeCloseTo(bh, 12);
      expect(m.maxDrawdown).toBeGreaterThanOrEqual(0);
      expect(m.hitRate).toBeGreaterThanOrEqual(0);
      expect(m.hitRate).toBeLessThanOrEqual(1);
    }
    expect(result.markets.reduce((n, m) => n + m.trades, 0)).toBeGreaterThan(0);
  });

  it('writes a report holding every trade as markers', async () => {
    const html = await readFile(result.reportPath, 'utf8');
    const json = html.match(/<script type="application\/json" id="sextant-data">(.*?)<\/script>/s)?.[1] ?? 'null';
    const data = JSON.parse(json) as { markets: { symbol: string; markers: unknown[] }[] };
    for (const m of result.markets) {
      expect(data.markets.find((x) => x.symbol === m.symbol)?.markers).toHaveLength(2 * m.trades);
    }
    expect(html).toContain('gbdt-regressor');
  });

  it('is deterministic: a second run gives the same numbers and the same report', async () => {
    const again = await runDemo({ outDir: join(dir, 'b'), markets: MARKETS });
    expect(again.markets).toEqual(result.markets);
    expect(again.model.metrics).toEqual(result.model.metrics);
    const a = (await readFile(result.reportPath, 'utf8')).replaceAll(join(dir, 'a'), '');
    const b = (await readFile(again.reportPath, 'utf8')).replaceAll(join(dir, 'b'), '');
    expect(b).toBe(a);
  });
});
