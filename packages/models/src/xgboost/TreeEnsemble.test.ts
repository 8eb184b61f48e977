import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMatrix } from '../data/toMatrix.js';
import { parseXGBoostJSON } from './parseXGBoostJSON.js';

// Native xgboost 1.7.4 regression fixture (see test/fixtures/xgboost/generate.py).
const fixture = new URL('../../test/fixtures/xgboost/regression.model.json', import.meta.url);
const { ensemble } = parseXGBoostJSON(readFileSync(fixture, 'utf8'));

describe('TreeEnsemble', () => {
  it('the batched integer-key walk equals the float walk bit for bit, at thresholds, ±0, ±Infinity and NaN', () => {
    const trees = ensemble.spec.trees;
    const p = ensemble.spec.numFeature;
    const rows: number[][] = [];
    // Every split threshold exactly, just below and just above, on its own feature.
    for (const t of trees.slice(0, 10)) {
      for (let n = 0; n < t.left.length; n++) {
        if (t.left[n]! < 0) continue;
        for (const v of [t.threshold[n]!, t.threshold[n]! - 1e-6, t.threshold[n]! + 1e-6]) {
          const row = Array.from({ length: p }, (_, c) => Math.sin(c * 7 + n));
          row[t.feature[n]!] = v;
          rows.push(row);
        }
      }
    }
    for (const special of [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      rows.push(Array.from({ length: p }, () => special));
      rows.push(Array.from({ length: p }, (_, c) => (c % 2 === 0 ? special : 0.25)));
    }
    const batched = ensemble.predictMargins(toMatrix(rows));
    rows.forEach((row, r) => {
      expect(batched[r]).toBe(ensemble.marginRow(row)[0]);
      expect(ensemble.predictRow(row)).toBe(ensemble.marginRow(row)[0]);
    });
  });
});
