/**
 * Log-loss and accuracy of class probabilities.
 *
 * @param proba - row-major probabilities, `rows x classes`
 * @param yIndex - true class index per row (0-based position in the model's classes)
 * @param classes - number of classes
 * @returns `{ logloss, accuracy, n }` (probabilities clipped to [1e-15, 1 - 1e-15], as scikit-learn does)
 * @example
 * ```ts
 * import { classificationMetrics } from '@sextant/models';
 * classificationMetrics(new Float64Array([0.2, 0.8]), new Int32Array([1]), 2); // { logloss: 0.223..., accuracy: 1, n: 1 }
 * ```
 */
export function classificationMetrics(
  proba: ArrayLike<number>,
  yIndex: ArrayLike<number>,
  classes: number,
): Record<string, number> {
  const eps = 1e-15;
  let loss = 0;
  let correct = 0;
  let n = 0;
  for (let r = 0; r < yIndex.length; r++) {
    const base = r * classes;
    if (Number.isNaN(proba[base]!)) continue;
    let best = 0;
    for (let k = 1; k < classes; k++) if (proba[base + k]! > proba[base + best]!) best = k;
    const t = yIndex[r]!;
    if (best === t) correct++;
    loss -= Math.log(Math.min(1 - eps, Math.max(eps, proba[base + t]!)));
    n++;
  }
  return { logloss: loss / n, accuracy: correct / n, n };
}
