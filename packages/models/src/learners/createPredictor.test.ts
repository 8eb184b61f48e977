import type { CandleEvent } from '@sextant/core';
import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { createPredictor } from './createPredictor.js';
import { GradientBoostingClassifier } from './GradientBoostingClassifier.js';
import { GradientBoostingRegressor } from './GradientBoostingRegressor.js';
import { LinearRegressor } from './LinearRegressor.js';

const event = {
  symbol: 'ETH/BTC',
  timeframe: '5m',
  candle: { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 },
} as CandleEvent;
const X = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(i * 0.7), (i % 13) / 13]);
const y = X.map((r) => 2 * r[0]! - r[1]! + 0.5);

describe('createPredictor', () => {
  it('adapts a regressor to the runner Predictor port', () => {
    const model = new LinearRegressor().fit(X, y);
    const p = createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 });
    expect(p.name).toBe('ret_1h');
    expect(p.horizonMs).toBe(3_600_000);
    const out = p.predict(Float64Array.from(X[5]!), event);
    expect(out.value).toBeCloseTo(y[5]!, 9);
    expect(out).toMatchObject({ confidence: 1, trusted: true });
  });

  it('uses the fast row path of the gradient boosting regressor and flags NaN rows', () => {
    const model = new GradientBoostingRegressor({ nEstimators: 20, maxDepth: 3 }).fit(X, y);
    const p = createPredictor(model, { name: 'gb' });
    expect(p.predict(Float64Array.from(X[7]!), event).value).toBe(model.predict([X[7]!])[0]);
    expect(p.predict(Float64Array.of(Number.NaN, 0, 0), event)).toMatchObject({ trusted: false, confidence: 0 });
  });

  it('turns classifier probabilities into a value (P-weighted label) and a confidence above uniform', () => {
    const labels = y.map((v) => (v > 0.5 ? 1 : 0));
    const model = new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 3 }).fit(X, labels);
    const out = createPredictor(model, { name: 'up' }).predict(Float64Array.from(X[3]!), event);
    const p1 = model.predictProba([X[3]!])[0]![1]!;
    expect(out.value).toBeCloseTo(p1, 12);
    expect(out.confidence).toBeCloseTo(Math.abs(2 * p1 - 1), 12);
  });

  it('applies a custom confidence hook, clamped to 0..1', () => {
    const model = new LinearRegressor().fit(X, y);
    const p = createPredictor(model, { name: 'x', confidence: () => 7 });
    expect(p.predict(Float64Array.from(X[5]!), event).confidence).toBe(1);
  });

  it('refuses an empty name or a bad horizon with INVALID_ARGUMENT', () => {
    const model = new LinearRegressor().fit(X, y);
    for (const options of [{ name: '' }, { name: 'x', horizonMs: -5 }]) {
      let caught: unknown;
      try {
        createPredictor(model, options);
      } catch (e) {
        caught = e;
      }
      expect(isSextantError(caught, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});
