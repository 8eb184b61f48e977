/**
 * createOnnxPredictor drives the runner's Predictor port with the ONNX
 * fixtures of test/fixtures/onnx/generate.py: each candle's prediction must
 * equal what the generating script recorded (PyTorch for the LSTM windows,
 * a plain float32 tree walk for the TreeEnsembleRegressor).
 */
import { readFileSync } from 'node:fs';
import type { CandleEvent, Predictor } from '@sextant/core';
import { isSextantError } from '@sextant/core';
import { createOnnxPredictor, OnnxModel } from '@sextant/models/onnx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = new URL('../fixtures/onnx/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  lstm: { rows: number[][]; windowOutputs: number[] };
  trees: { X: number[][]; Y: number[] };
};
const path = (f: string) => new URL(f, dir).pathname;
const eventOf = (symbol: string, i: number): CandleEvent => ({
  symbol,
  timeframe: '5m',
  candle: { timestamp: i * 300_000, open: 1, high: 1, low: 1, close: 1, volume: 1 },
});

describe('createOnnxPredictor: tabular TreeEnsembleRegressor', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.load(path('trees.onnx'));
  });
  afterAll(() => model.dispose());

  it('predicts each row as the generating script recorded, with name and horizon', async () => {
    const p = createOnnxPredictor(model, { name: 'ret_10m', horizonMs: 600_000 });
    const port: Predictor = p; // plugs into createBot's models as is
    expect(port.name).toBe('ret_10m');
    expect(p.name).toBe('ret_10m');
    expect(p.horizonMs).toBe(600_000);
    for (let i = 0; i < 10; i++) {
      const out = await p.predict(Float64Array.from(expected.trees.X[i]!), eventOf('ETH/BTC', i));
      expect(out.value).toBeCloseTo(expected.trees.Y[i]!, 6);
      expect(out).toMatchObject({ trusted: true, confidence: 1 });
    }
  });

  it('flags NaN rows and rows outside the training range, and applies the confidence hook', async () => {
    const p = createOnnxPredictor(model, { name: 'r', confidence: (v) => 10 * Math.abs(v) });
    const nan = await p.predict(Float64Array.of(Number.NaN, 0, 0), eventOf('ETH/BTC', 0));
    expect(nan.value).toBeNaN();
    expect(nan).toMatchObject({ trusted: false, confidence: 0 });
    // training range [-2, 2] with margin 0.5 (sextant.featureRange metadata): 4.5 is outside
    const far = await p.predict(Float64Array.of(4.5, 0, 0), eventOf('ETH/BTC', 1));
    expect(far.value).toBeCloseTo(1.5 - 0.5 + 0.125, 6);
    expect(far).toMatchObject({ trusted: false, confidence: 0 });
    const ok = await p.predict(Float64Array.from(expected.trees.X[3]!), eventOf('ETH/BTC', 2));
    expect(ok.confidence).toBeCloseTo(Math.min(1, 10 * Math.abs(expected.trees.Y[3]!)), 6);
  });

  it('refuses a bad name, a bad horizon and a row of the wrong width with typed errors', async () => {
    expect(() => createOnnxPredictor(model, { name: '' })).toThrow(/non-empty string, got ""/);
    let e: unknown;
    try {
      createOnnxPredictor(model, { name: 'x', horizonMs: -5 });
    } catch (err) {
      e = err;
    }
    expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
    expect((e as Error).message).toContain('-5');
    const p = createOnnxPredictor(model, { name: 'x' });
    const narrow = await p.predict(Float64Array.of(1, 2), eventOf('ETH/BTC', 0)).catch((err: unknown) => err);
    expect(isSextantError(narrow, 'FEATURE_MISMATCH')).toBe(true);
    expect((narrow as Error).message).toContain('has 2 values');
  });
});

describe('createOnnxPredictor: LSTM exported from PyTorch', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.load(path('lstm.onnx'));
  });
  afterAll(() => model.dispose());

  it('keeps an 8-row window per series and predicts each full window as PyTorch did', async () => {
    const p = createOnnxPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 });
    const { rows, windowOutputs } = expected.lstm;
    // Two interleaved series: ETH/BTC gets the fixture rows, LTC/BTC garbage that must not leak into its window.
    for (let i = 0; i < rows.length; i++) {
      const out = await p.predict(Float64Array.from(rows[i]!), eventOf('ETH/BTC', i));
      await p.predict(Float64Array.of(9, -9, 9, -9), eventOf('LTC/BTC', i));
      if (i < 7) {
        expect(out.value).toBeNaN();
        expect(out.trusted).toBe(false);
      } else {
        expect(out.trusted).toBe(true);
        // ONNX runtime and PyTorch both compute in float32; kernels differ in summation order
        expect(Math.abs(out.value - windowOutputs[i - 7]!)).toBeLessThan(1e-5);
      }
    }
  });

  it('flags every window holding a NaN row, and starts over after reset()', async () => {
    const p = createOnnxPredictor(model, { name: 'ret_1h' });
    const rows = expected.lstm.rows.map((r) => [...r]);
    rows[10]![2] = Number.NaN;
    const trusted: boolean[] = [];
    for (let i = 0; i < 20; i++)
      trusted.push((await p.predict(Float64Array.from(rows[i]!), eventOf('ETH/BTC', i))).trusted);
    expect(trusted.slice(7, 10)).toEqual([true, true, true]);
    expect(trusted.slice(10, 18).every((t) => !t)).toBe(true);
    expect(trusted[18]).toBe(true);
    p.reset();
    const after = await p.predict(Float64Array.from(rows[19]!), eventOf('ETH/BTC', 20));
    expect(after).toMatchObject({ trusted: false, confidence: 0 });
  });
});
