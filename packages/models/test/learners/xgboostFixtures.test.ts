/**
 * Models saved by native xgboost 1.7.4 (Debian python3-xgboost) predict here
 * as they do in xgboost. Fixtures and the script that generated them:
 * test/fixtures/xgboost/generate.py (reference: xgboost `Booster.predict`).
 */
import { readFileSync } from 'node:fs';
import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadXGBoostJSON } from '../../src/xgboost/loadXGBoostJSON.js';

const dir = new URL('../fixtures/xgboost/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

interface FixtureData {
  objective: string;
  shape: number[];
  X: (number | null)[][];
  predictions: number[];
  margins: number[];
}

function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.max(Math.abs(e), 1e-12));
  }
  return worst;
}

describe.each(['regression', 'binary', 'multiclass'])('native xgboost %s fixture', (name) => {
  const data = JSON.parse(read(`${name}.data.json`)) as FixtureData;
  const X = data.X.map((row) => row.map((v) => (v === null ? Number.NaN : v)));
  const model = loadXGBoostJSON(read(`${name}.model.json`));

  it('has test rows with missing values (default directions are exercised)', () => {
    expect(X.some((row) => row.some(Number.isNaN))).toBe(true);
  });

  it('predicts equal to native xgboost to 1e-6 relative', () => {
    const flat =
      data.objective === 'multi:softprob'
        ? Float64Array.from(model.predictProba(X).flatMap((p) => Array.from(p)))
        : model.predict(X);
    expect(flat.length).toBe(data.predictions.length);
    expect(maxRelError(flat, data.predictions)).toBeLessThanOrEqual(1e-6);
  });

  it('reproduces the raw margins bit for bit', () => {
    const { ensemble } = model.parsed;
    const margins: number[] = [];
    for (const row of X) margins.push(...ensemble.marginRow(row));
    expect(margins).toEqual(data.margins.map(Math.fround));
  });

  it('survives toJSON and reload with identical predictions', () => {
    const again = loadXGBoostJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.predict(X)).toEqual(model.predict(X));
  });
});

describe('loadXGBoostJSON on bad input', () => {
  it('refuses text that is not JSON with a MODEL error', () => {
    expect(() => loadXGBoostJSON('{not json')).toThrowError(/not valid JSON/);
    try {
      loadXGBoostJSON('{not json');
    } catch (e) {
      expect(isSextantError(e, 'MODEL')).toBe(true);
    }
  });

  it('refuses an unsupported objective, quoting it', () => {
    const json = JSON.parse(read('regression.model.json'));
    json.learner.objective.name = 'rank:pairwise';
    expect(() => loadXGBoostJSON(json)).toThrowError(/"rank:pairwise" is not supported/);
  });

  it('refuses a non-gbtree booster and broken trees', () => {
    const dart = JSON.parse(read('regression.model.json'));
    dart.learner.gradient_booster.name = 'dart';
    expect(() => loadXGBoostJSON(dart)).toThrowError(/"dart" is not supported/);
    const broken = JSON.parse(read('regression.model.json'));
    broken.learner.gradient_booster.model.trees[3].left_children.pop();
    expect(() => loadXGBoostJSON(broken)).toThrowError(/tree 3: "left_children" must have num_nodes/);
    const cyclic = JSON.parse(read('regression.model.json'));
    cyclic.learner.gradient_booster.model.trees[0].left_children[0] = 0;
    expect(() => loadXGBoostJSON(cyclic)).toThrowError(/tree 0 node 0/);
  });

  it('refuses a matrix with the wrong number of columns with FEATURE_MISMATCH', () => {
    const model = loadXGBoostJSON(read('regression.model.json'));
    let caught: unknown;
    try {
      model.predict([[1, 2, 3]]);
    } catch (e) {
      caught = e;
    }
    expect(isSextantError(caught, 'FEATURE_MISMATCH')).toBe(true);
    expect((caught as Error).message).toContain('3 columns');
  });
});
