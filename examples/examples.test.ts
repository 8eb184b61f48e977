import { describe, expect, it } from 'vitest';
import { main as backtestWithRisk } from './backtest-with-risk.js';
import { main as buildFeatures } from './build-features.js';
import { main as collectIntoParquet } from './collect-into-parquet.js';
import { main as customStrategy } from './custom-strategy.js';
import { realCandles } from './data.js';
import { main as libraryExample } from './library-example.js';
import { main as onnxModel } from './onnx-model.js';
import { main as paperBotEvents } from './paper-bot-events.js';
import { main as trainAndCompare } from './train-and-compare-models.js';

// Every example runs here, offline, exactly as `node --import tsx examples/<name>.ts` runs it.
describe('examples', () => {
  it('collect-into-parquet: collects a day of 5m candles from the fake exchange into Parquet', async () => {
    // 2018-01-20 00:00 .. 2018-01-21 00:00 inclusive: 24 * 12 + 1 candles
    expect(await collectIntoParquet()).toEqual({ collected: 289, stored: 289 });
  });

  it('build-features: batch frame and streaming source agree', async () => {
    const out = await buildFeatures();
    expect(out.features).toBeGreaterThanOrEqual(5);
    expect(out.rows).toBeGreaterThan(5000);
    expect(out.streamingMatches).toBe(true);
  });

  it('train-and-compare-models: both learners score on the held-out period', async () => {
    const scores = await trainAndCompare();
    for (const s of Object.values(scores)) {
      expect(s.mae).toBeGreaterThan(0);
      expect(s.mae).toBeLessThan(0.05);
      expect(s.hit).toBeGreaterThan(0.3);
    }
    expect(Object.keys(scores)).toEqual(['linear', 'gbdt']);
  });

  it('backtest-with-risk: trades the test period under the risk limits', async () => {
    const out = await backtestWithRisk();
    expect(out.trades).toBeGreaterThan(0);
    expect(out.maxDrawdown).toBeLessThan(0.2);
    expect(Number.isFinite(out.totalReturn)).toBe(true);
  });

  it('paper-bot-events: every candle produces a cycle and decisions are stored in SQLite', async () => {
    const { events, decisionsStored } = await paperBotEvents();
    expect(events.cycle).toBe(events.candle);
    expect(events.fill ?? 0).toBeGreaterThan(0);
    expect(decisionsStored).toBeGreaterThan(0);
  });

  it('custom-strategy: a DecisionPolicy plug-in drives the runner', async () => {
    const out = await customStrategy();
    expect(out.trades).toBeGreaterThan(0);
  });

  it('onnx-model: onnxruntime reproduces the reference outputs', async () => {
    const out = await onnxModel();
    expect(out.featureNames).toEqual(['x0', 'x1', 'x2']);
    expect(out.maxError).toBeLessThan(1e-6);
  });

  it('library-example (the README example): collect, features, model, decision, risk gate', async () => {
    const { decision, verdict, rows } = await libraryExample();
    expect(rows).toBeGreaterThan(5000);
    expect(['BUY', 'SELL', 'HOLD']).toContain(decision.action);
    expect(decision.reasons.length).toBeGreaterThan(0);
    expect(Object.keys(decision.predictions)).toEqual(['ret_1h']);
    expect(verdict.outcome).not.toBe('reject');
    // Sized to 15% of an equity of 1 BTC at the last close.
    const eth = await realCandles('ETH/BTC');
    expect((verdict.intent?.amount ?? 0) * (eth.close[eth.length - 1] as number)).toBeCloseTo(0.15, 9);
  });
});
