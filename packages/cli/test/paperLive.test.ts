import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type CandleSeries, toOHLCV } from '@sextant/core';
import { type FakeExchange, startFakeExchange } from '@sextant/collectors/testing';
import { ParquetCandleStore } from '@sextant/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../src/demo/loadDemoCandles.js';
import { EXIT_CODES } from '../src/errors/EXIT_CODES.js';
import { projectWithModel } from './helpers/projectWithModel.js';
import { runSextant } from './helpers/runSextant.js';

// `sextant paper --live`: the dataset ends at candle CUT; the fake exchange's clock
// then moves forward one 5-minute candle every 100 ms, publishing real candles.
const CUT = 5000;
const STEP = 300_000;
let dir: string;
let fake: FakeExchange;
let timer: NodeJS.Timeout;
let eth: CandleSeries;

beforeAll(async () => {
  eth = (await loadDemoCandles())['ETH/BTC'] as CandleSeries;
  let now = (eth.timestamp[CUT - 1] as number) + 2 * STEP;
  fake = await startFakeExchange({
    data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: toOHLCV(eth) }],
    now: () => now,
  });
  timer = setInterval(() => {
    now += STEP;
  }, 100);
  dir = await projectWithModel(['ETH/BTC'], { cut: CUT, exchangeUrl: fake.url });
});
afterAll(async () => {
  clearInterval(timer);
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sextant paper --live (subprocess against the fake exchange)', { timeout: 180_000 }, () => {
  it('warms up on stored candles, then trades candles as the exchange publishes them, storing them too', async () => {
    const run = await runSextant(
      ['--config', 'sextant.json', '--json', 'paper', '--live', '--poll', '50', '--max-candles', '12'],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT_CODES.OK);
    const out = JSON.parse(run.stdout) as { snapshot: { cycles: number; lastCandle: { timestamp: number } } };
    expect(out.snapshot.cycles).toBe(12);
    // The 12 traded candles are the ones after the stored history, in order.
    expect(out.snapshot.lastCandle.timestamp).toBe(eth.timestamp[CUT + 11]);
    const stored = await new ParquetCandleStore({ root: join(dir, 'data') }).coverage({
      exchange: 'binance',
      symbol: 'ETH/BTC',
      timeframe: '5m',
    });
    expect(stored.count).toBeGreaterThanOrEqual(CUT + 12);
  });

  it('counts every exchange request in the Prometheus metrics while trading live', async () => {
    let out = () => '';
    let pid = 0;
    const running = runSextant(
      ['--config', 'sextant.json', 'paper', '--live', '--poll', '50', '--max-candles', '100000', '--metrics-port', '0'],
      {
        cwd: dir,
        onSpawn: (p, output) => {
          pid = p;
          out = output;
        },
      },
    );
    let requests = 0;
    const t0 = Date.now();
    while (requests === 0 && Date.now() - t0 < 60_000) {
      await new Promise((r) => setTimeout(r, 200));
      const port = /metrics on http:\/\/127\.0\.0\.1:(\d+)\/metrics/.exec(out())?.[1];
      if (port === undefined) continue;
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      requests = Number(/sextant_api_requests_total\{endpoint="binance"\} (\d+)/.exec(text)?.[1] ?? 0);
    }
    process.kill(pid, 'SIGINT');
    const done = await running;
    expect(requests).toBeGreaterThan(0);
    expect(done.code).toBe(EXIT_CODES.INTERRUPTED);
  });
});
