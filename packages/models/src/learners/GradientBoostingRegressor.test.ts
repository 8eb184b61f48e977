import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { seededRandom as createRng } from '@sextant/core';
import { GradientBoostingRegressor } from './GradientBoostingRegressor.js';

const rand = createRng(5);
const X = Array.from({ length: 600 }, () => [rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1]);
const y = X.map((r) => Math.sin(3 * r[0]!) + r[1]! * r[2]! + (rand() - 0.5) * 0.8);

describe('GradientBoostingRegressor', () => {
  it('stops early on the validation fold and keeps the best round', () => {
    const model = new GradientBoostingRegressor({
      nEstimators: 500,
      learningRate: 0.3,
      maxDepth: 6,
      earlyStoppingRounds: 5,
    });
    model.fit(X.slice(0, 400), y.slice(0, 400), { validation: { X: X.slice(400), y: y.slice(400) } });
    const history = model.history;
    const best = history.indexOf(Math.min(...history));
    expect(history.length).toBe(best + 6);
    expect(model.ensemble.size).toBe(best + 1);
    expect(model.manifest.metrics.rmse).toBeCloseTo(history[best]!, 5);
  });

  it('a zero-weight row has no influence', () => {
    const w = X.map((_, i) => (i === 0 ? 0 : 1));
    const yy = [...y];
    const a = new GradientBoostingRegressor({ nEstimators: 10 }).fit(X, yy, { sampleWeight: w });
    yy[0] = 1000;
    const b = new GradientBoostingRegressor({ nEstimators: 10 }).fit(X, yy, { sampleWeight: w });
    expect(b.predict(X)).toEqual(a.predict(X));
  });

  it('predictRow equals predict', () => {
    const model = new GradientBoostingRegressor({ nEstimators: 15 }).fit(X, y);
    expect(X.slice(0, 20).map((r) => model.predictRow(r))).toEqual(Array.from(model.predict(X.slice(0, 20))));
  });

  it('refuses out-of-range options with INVALID_CONFIG naming the field', () => {
    let caught: unknown;
    try {
      new GradientBoostingRegressor({ subsample: 1.5 });
    } catch (e) {
      caught = e;
    }
    expect(isSextantError(caught, 'INVALID_CONFIG')).toBe(true);
    expect((caught as Error).message).toContain('subsample');
  });
});
