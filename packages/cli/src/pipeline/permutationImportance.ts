import { seededRandom as createRng } from '@sextant/core';
import type { Model } from '@sextant/models';
import type { TrainingSet } from './buildTrainingSet.js';

/**
 * Permutation importance of each feature on held-out rows (Breiman 2001;
 * scikit-learn's `permutation_importance`): the increase of the mean
 * absolute error when that feature's column is shuffled, which breaks its
 * link to the label. Model-agnostic; seeded, so reruns agree.
 *
 * @param model - a trained model
 * @param set - held-out rows and labels
 * @param names - feature names, in column order
 * @param seed - shuffle seed. @default 42
 * @returns MAE increase per feature name (0 or negative: the model does not rely on it)
 * @example
 * ```ts
 * import { permutationImportance } from '@sextant/cli';
 * const importance = permutationImportance(model, test, frame.names);
 * ```
 */
export function permutationImportance(
  model: Model,
  set: TrainingSet,
  names: readonly string[],
  seed = 42,
): Record<string, number> {
  const n = set.X.length;
  if (n === 0) return {};
  const mae = (X: number[][]): number => {
    const p = model.predict(X);
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs((p[i] as number) - (set.y[i] as number));
    return s / n;
  };
  const base = mae(set.X);
  const rand = createRng(seed);
  const out: Record<string, number> = {};
  for (const [k, name] of names.entries()) {
    const column = set.X.map((row) => row[k] as number);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [column[i], column[j]] = [column[j] as number, column[i] as number];
    }
    const shuffled = set.X.map((row, i) => {
      const copy = row.slice();
      copy[k] = column[i] as number;
      return copy;
    });
    out[name] = mae(shuffled) - base;
  }
  return out;
}
