/** Test helper: restore the built-in learners used by these tests from their snapshots. */
import {
  GradientBoostingClassifier,
  GradientBoostingRegressor,
  type LearnerJSON,
  LinearRegressor,
  type Model,
} from '@sextant/models';

export function loadTestModel(json: unknown): Model {
  const j = json as LearnerJSON<never>;
  switch (j.manifest.kind) {
    case 'linear-regressor':
      return LinearRegressor.fromJSON(j);
    case 'gbdt-regressor':
      return GradientBoostingRegressor.fromJSON(j);
    case 'gbdt-classifier':
      return GradientBoostingClassifier.fromJSON(j);
    default:
      throw new Error(`no test loader for ${j.manifest.kind}`);
  }
}

/** Seeded synthetic regression data: y = 1.5 x0 - 2 x1 + sin(3 x2) + noise. */
export function synthetic(rows: number, seed: number): { X: number[][]; y: number[] } {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = [rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1];
    X.push(x);
    y.push(1.5 * x[0]! - 2 * x[1]! + Math.sin(3 * x[2]!) + (rand() - 0.5) * 0.2);
  }
  return { X, y };
}
