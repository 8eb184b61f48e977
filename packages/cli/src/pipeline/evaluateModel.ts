import { type Model, regressionMetrics } from '@sextant/models';
import type { TrainingSet } from './buildTrainingSet.js';

/**
 * Score a regressor on held-out rows: `mae`, `rmse`, `r2` (from
 * `regressionMetrics` in `@sextant/models`), `n` rows scored and
 * `directionalAccuracy` (share of rows with a non-zero label whose sign the
 * prediction got right).
 *
 * @param model - a trained model
 * @param set - held-out rows and labels
 * @returns the scores
 * @example
 * ```ts
 * import { evaluateModel } from '@sextant/cli';
 * const { mae, directionalAccuracy } = evaluateModel(model, test);
 * ```
 */
export function evaluateModel(model: Model, set: TrainingSet): Record<string, number> {
  if (set.X.length === 0) return { n: 0 };
  const pred = model.predict(set.X);
  const out: Record<string, number> = { ...regressionMetrics(pred, set.y) };
  let hits = 0;
  let n = 0;
  for (let i = 0; i < pred.length; i++) {
    const y = set.y[i] as number;
    const p = pred[i] as number;
    if (y === 0 || !Number.isFinite(p)) continue;
    n++;
    if (Math.sign(p) === Math.sign(y)) hits++;
  }
  out.directionalAccuracy = n > 0 ? hits / n : Number.NaN;
  return out;
}
