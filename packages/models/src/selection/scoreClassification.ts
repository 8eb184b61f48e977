import { InvalidArgumentError } from '@sextant/core';

/** Classification scores over the rows with finite probabilities. */
export interface ClassificationScores {
  /** Mean negative log-likelihood of the true class (probabilities clipped to [1e-15, 1 - 1e-15], as scikit-learn does). */
  logloss: number;
  /** Share of rows whose most probable class is the true class. */
  accuracy: number;
  /** Mean multi-class Brier score: sum over classes of (p - onehot)², averaged over rows. */
  brier: number;
  /** Rows scored. */
  n: number;
}

const EPS = 1e-15;

/**
 * Log-loss, accuracy and Brier score of class probabilities. `labels` are
 * class indices `0..k-1`; `proba` has one `Float64Array` of `k` probabilities
 * per row (what `predictProba` returns). Rows with a NaN probability are
 * skipped.
 *
 * @param labels - true class index per row
 * @param proba - class probabilities per row
 * @returns the scores; NaN when no row is scorable
 * @throws InvalidArgumentError on a length mismatch or a label that is not a class index of `proba`
 * @example
 * ```ts
 * import { scoreClassification } from '@sextant/models';
 * scoreClassification([1, 0], [Float64Array.of(0.2, 0.8), Float64Array.of(0.6, 0.4)]).accuracy; // 1
 * ```
 */
export function scoreClassification(
  labels: ArrayLike<number>,
  proba: readonly ArrayLike<number>[],
): ClassificationScores {
  if (labels.length !== proba.length) {
    throw new InvalidArgumentError(`${proba.length} probability rows for ${labels.length} labels`);
  }
  let n = 0;
  let ll = 0;
  let hits = 0;
  let brier = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = proba[i]!;
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= p.length) {
      throw new InvalidArgumentError(`labels[${i}] must be a class index in 0..${p.length - 1}, got ${label}`);
    }
    let finite = true;
    let best = 0;
    for (let k = 0; k < p.length; k++) {
      if (!Number.isFinite(p[k]!)) finite = false;
      if (p[k]! > p[best]!) best = k;
    }
    if (!finite) continue;
    n++;
    const pt = Math.min(1 - EPS, Math.max(EPS, p[label]!));
    ll -= Math.log(pt);
    if (best === label) hits++;
    for (let k = 0; k < p.length; k++) {
      const d = p[k]! - (k === label ? 1 : 0);
      brier += d * d;
    }
  }
  if (n === 0) return { logloss: Number.NaN, accuracy: Number.NaN, brier: Number.NaN, n };
  return { logloss: ll / n, accuracy: hits / n, brier: brier / n, n };
}
