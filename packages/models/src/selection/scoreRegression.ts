import { InvalidArgumentError } from '@sextant/core';

/** Regression scores over the rows where both the truth and the prediction are finite. */
export interface RegressionScores {
  /** Mean absolute error. */
  mae: number;
  /** Root mean squared error. */
  rmse: number;
  /** Coefficient of determination (1 - SSE / SST); NaN when the truth is constant. */
  r2: number;
  /** Share of rows whose predicted sign equals the true sign (zero counts as its own sign). */
  directionalAccuracy: number;
  /** Rows scored (finite truth and prediction). */
  n: number;
}

/**
 * Mean absolute error, RMSE, R² and directional accuracy of `predicted`
 * against `actual`. Rows where either side is NaN or infinite (untrusted
 * predictions) are skipped and not counted in `n`.
 *
 * @param actual - true values
 * @param predicted - predictions, one per true value
 * @returns the scores; every score is NaN when no row is scorable
 * @throws InvalidArgumentError when the lengths differ
 * @example
 * ```ts
 * import { scoreRegression } from '@sextant/models';
 * scoreRegression([1, 2, 3], [1, 2, 5]).mae; // 0.6666666666666666
 * ```
 */
export function scoreRegression(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionScores {
  if (actual.length !== predicted.length) {
    throw new InvalidArgumentError(`${predicted.length} predictions for ${actual.length} true values`);
  }
  let n = 0;
  let abs = 0;
  let sq = 0;
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const p = predicted[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(p)) continue;
    const e = p - a;
    n++;
    abs += Math.abs(e);
    sq += e * e;
    sum += a;
    sumSq += a * a;
    if (Math.sign(a) === Math.sign(p)) hits++;
  }
  if (n === 0) return { mae: Number.NaN, rmse: Number.NaN, r2: Number.NaN, directionalAccuracy: Number.NaN, n };
  const sst = sumSq - (sum * sum) / n;
  return {
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    r2: sst > 0 ? 1 - sq / sst : Number.NaN,
    directionalAccuracy: hits / n,
    n,
  };
}
