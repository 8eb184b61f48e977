import { LinearRegressor } from '@sextant/models';
import { describe, expect, it } from 'vitest';
import { permutationImportance } from './permutationImportance.js';

describe('permutationImportance', () => {
  it('is large for the feature the label depends on and zero for an ignored one, and reproducible', () => {
    // Known answer: y = 2 * x0 exactly; x1 is unrelated (seeded, deterministic rows).
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 500; i++) {
      const x0 = Math.sin(i * 0.37);
      const x1 = Math.cos(i * 1.91);
      X.push([x0, x1]);
      y.push(2 * x0);
    }
    const model = new LinearRegressor().fit(X, y, { featureNames: ['x0', 'x1'] });
    const set = { X, y: Float64Array.from(y), timestamp: new Float64Array(500), symbol: [] };
    const imp = permutationImportance(model, set, ['x0', 'x1'], 7);
    expect(imp.x0).toBeGreaterThan(1);
    expect(Math.abs(imp.x1 ?? 1)).toBeLessThan(1e-9);
    expect(permutationImportance(model, set, ['x0', 'x1'], 7)).toEqual(imp);
  });
});
