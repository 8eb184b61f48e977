/**
 * Our GBDT's exported xgboost JSON runs in native xgboost and predicts the
 * same. Reference: native xgboost 1.7.4 `Booster.predict` (Debian
 * python3-xgboost), recorded by test/fixtures/xgboost/generate_ours.ts for
 * the always-run check, and called live when python3-xgboost is installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GradientBoostingClassifier } from '../../src/learners/GradientBoostingClassifier.js';
import { GradientBoostingRegressor } from '../../src/learners/GradientBoostingRegressor.js';
import { loadXGBoostJSON } from '../../src/xgboost/loadXGBoostJSON.js';
import { stringifyXGBoostJSON } from '../../src/xgboost/stringifyXGBoostJSON.js';
import { findPythonWithXGBoost, nativePredict } from './nativeXGBoost.js';
import { realCandleFeatures } from './realCandles.js';
import { syntheticData } from './syntheticData.js';

const dir = new URL('../fixtures/xgboost/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.max(Math.abs(e), 1e-12));
  }
  return worst;
}

const toRows = (X: (number | null)[][]) => X.map((r) => r.map((v) => (v === null ? Number.NaN : v)));

describe.each(['regression', 'binary', 'multiclass'])('committed export of our %s model', (name) => {
  const data = JSON.parse(read(`ours-${name}.data.json`)) as {
    X: (number | null)[][];
    predictions: number[];
    margins: number[];
  };
  const X = toRows(data.X);

  it('predicts as native xgboost predicted it (1e-6 relative, margins bit for bit)', () => {
    const model = loadXGBoostJSON(read(`ours-${name}.model.json`));
    const flat =
      name === 'multiclass' ? Float64Array.from(model.predictProba(X).flatMap((p) => [...p])) : model.predict(X);
    expect(maxRelError(flat, data.predictions)).toBeLessThanOrEqual(1e-6);
    const margins = X.flatMap((row) => [...model.parsed.ensemble.marginRow(row)]);
    expect(margins).toEqual(data.margins.map(Math.fround));
  });
});

const python = findPythonWithXGBoost();
describe.skipIf(!python)('live: native xgboost loads a freshly trained model', () => {
  if (!python)
    console.warn(
      'python3 with xgboost not found: skipping live native xgboost checks (apt-get install python3-xgboost)',
    );
  const train = syntheticData(1200, 6, 21, 0.05);
  const test = syntheticData(150, 6, 22, 0.05);
  const params = { nEstimators: 20, maxDepth: 5, learningRate: 0.3, subsample: 0.8, colsampleByTree: 0.7, seed: 3 };

  it('regression', () => {
    const model = new GradientBoostingRegressor(params).fit(train.X, train.y);
    const native = nativePredict(python!, model.toXGBoostJSON(), test.X);
    expect(maxRelError(model.predict(test.X), native.predictions)).toBeLessThanOrEqual(1e-6);
  });

  it('binary classifier (P(1) equals native binary:logistic)', () => {
    const model = new GradientBoostingClassifier(params).fit(train.X, train.binary);
    const native = nativePredict(python!, model.toXGBoostJSON(), test.X);
    const p1 = model.predictProba(test.X).map((p) => p[1]!);
    expect(maxRelError(p1, native.predictions)).toBeLessThanOrEqual(1e-6);
  });

  it('multiclass classifier (probabilities equal native multi:softprob)', () => {
    const model = new GradientBoostingClassifier(params).fit(train.X, train.multiclass);
    const native = nativePredict(python!, model.toXGBoostJSON(), test.X);
    const flat = model.predictProba(test.X).flatMap((p) => [...p]);
    expect(native.predictions.length).toBe(test.X.length * 3);
    expect(maxRelError(flat, native.predictions)).toBeLessThanOrEqual(1e-6);
  });

  it('regression on real ETH/BTC 5m candle features (returns, range, volume)', () => {
    const { X, y, names } = realCandleFeatures('ETH_BTC-5m.json');
    const cut = Math.floor(X.length * 0.7);
    const model = new GradientBoostingRegressor({ nEstimators: 30, maxDepth: 4, learningRate: 0.1, seed: 1 });
    model.fit(X.slice(0, cut), y.slice(0, cut), { featureNames: names });
    const test = X.slice(cut);
    const native = nativePredict(python!, model.toXGBoostJSON(), test);
    expect(native.predictions.length).toBe(test.length);
    expect(maxRelError(model.predict(test), native.predictions)).toBeLessThanOrEqual(1e-6);
  });

  it('writes floats the way native xgboost requires', () => {
    const model = new GradientBoostingRegressor({ nEstimators: 1, maxDepth: 0 }).fit([[0], [1]], [1, 1]);
    expect(stringifyXGBoostJSON(model.toXGBoostJSON())).toMatch(/"loss_changes":\[0\.0\]/);
  });
});
