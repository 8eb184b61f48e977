/**
 * Mean absolute error, root mean squared error and R² of predictions,
 * skipping rows whose prediction is NaN.
 *
 * @param pred - predictions
 * @param y - true values, same length
 * @returns `{ mae, rmse, r2, n }` (NaN metrics when no row is usable)
 * @example
 * ```ts
 * import { regressionMetrics } from '@sextant/models';
 * regressionMetrics(new Float64Array([1, 2]), new Float64Array([1, 3])); // { mae: 0.5, rmse: 0.707..., ... }
 * ```
 */
export function regressionMetrics(pred: ArrayLike<number>, y: ArrayLike<number>): Record<string, number> {
  let n = 0;
  let abs = 0;
  let sq = 0;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const p = pred[i]!;
    if (Number.isNaN(p)) continue;
    const e = p - y[i]!;
    abs += Math.abs(e);
    sq += e * e;
    sum += y[i]!;
    n++;
  }
  const mean = sum / n;
  let tot = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(pred[i]!)) tot += (y[i]! - mean) ** 2;
  return { mae: abs / n, rmse: Math.sqrt(sq / n), r2: tot > 0 ? 1 - sq / tot : Number.NaN, n };
}
