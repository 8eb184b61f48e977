/**
 * LinearRegressor against scikit-learn 1.2.1 Ridge/LinearRegression
 * (reference values from test/learners/fixtures/generate_ridge.py).
 */
import { readFileSync } from 'node:fs';
import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { LinearRegressor } from './LinearRegressor.js';

const ref = JSON.parse(readFileSync(new URL('../../test/learners/fixtures/ridge.json', import.meta.url), 'utf8')) as {
  X: number[][];
  y: number[];
  w: number[];
  cases: { lambda: number; weighted: boolean; coef: number[]; intercept: number }[];
};

describe('LinearRegressor', () => {
  it.each(ref.cases)('matches scikit-learn for lambda $lambda, weighted $weighted', (c) => {
    const model = new LinearRegressor({ lambda: c.lambda }).fit(
      ref.X,
      ref.y,
      c.weighted ? { sampleWeight: ref.w } : {},
    );
    const coef = model.coefficients;
    c.coef.forEach((v, i) => {
      expect(coef[i]).toBeCloseTo(v, 9);
    });
    expect(model.intercept).toBeCloseTo(c.intercept, 9);
  });

  it('fits a constant column and exactly collinear columns without failing', () => {
    const X = [0, 1, 2, 3, 4].map((v) => [v, 2 * v, 7]);
    const model = new LinearRegressor().fit(X, [1, 3, 5, 7, 9]);
    expect(model.predict([[5, 10, 7]])[0]).toBeCloseTo(11, 6);
  });

  it('skips training rows with NaN and predicts NaN for such rows', () => {
    const model = new LinearRegressor().fit(
      [
        [0, 1],
        [1, Number.NaN],
        [2, 0],
        [3, 2],
      ],
      [1, 100, 2, 5],
    );
    expect(model.manifest.metrics.train_n).toBe(3);
    expect(Number.isNaN(model.predict([[1, Number.NaN]])[0]!)).toBe(true);
  });

  it('refuses a negative lambda with INVALID_CONFIG quoting it', () => {
    let caught: unknown;
    try {
      new LinearRegressor({ lambda: -1 });
    } catch (e) {
      caught = e;
    }
    expect(isSextantError(caught, 'INVALID_CONFIG')).toBe(true);
    expect((caught as Error).message).toContain('lambda');
  });
});
