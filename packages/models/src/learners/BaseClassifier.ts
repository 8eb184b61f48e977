import type { Matrix } from '../data/Matrix.type.js';
import type { FeatureMatrix } from '../Model.type.js';
import { BaseLearner } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import { classificationMetrics } from './classificationMetrics.js';

/**
 * What every classifier shares on top of {@link BaseLearner}: the class
 * encoder fit from the labels, `classes`, `predictProba`, the arg-max
 * `predict` and classification metrics. A subclass only supplies its
 * row-major class probabilities (`probaMatrix`).
 *
 * @example
 * ```ts
 * import { RandomForestClassifier, type BaseClassifier } from '@sextant/models';
 * const clf: BaseClassifier<unknown> = new RandomForestClassifier({ nEstimators: 50 }).fit(X, labels);
 * clf.classes; // e.g. [-1, 0, 1]
 * ```
 */
export abstract class BaseClassifier<S> extends BaseLearner<S> {
  /** Labels to class indexes; set by `fit` or when a snapshot is restored. */
  protected encoder: ClassEncoder | undefined;

  /** Class labels in probability order (ascending). */
  get classes(): readonly number[] {
    this.requireFitted();
    return this.encoder!.classes;
  }

  /**
   * Class probabilities per row, in {@link BaseClassifier.classes} order.
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns one probability array per row
   * @throws FeatureMismatchError as `predict`
   */
  predictProba(X: FeatureMatrix): Float64Array[] {
    const flat = this.probaMatrix(this.input(X));
    const K = this.encoder!.size;
    return Array.from({ length: flat.length / K }, (_, r) => flat.slice(r * K, (r + 1) * K));
  }

  /** Row-major class probabilities, rows x K. */
  protected abstract probaMatrix(m: Matrix): Float64Array;

  protected override prepareTargets(y: Float64Array): void {
    this.encoder = ClassEncoder.fit(y);
  }

  protected predictMatrix(m: Matrix): Float64Array {
    const proba = this.probaMatrix(m);
    const { classes, size: K } = this.encoder!;
    const out = new Float64Array(m.rows);
    for (let r = 0; r < m.rows; r++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (proba[r * K + k]! > proba[r * K + best]!) best = k;
      out[r] = classes[best]!;
    }
    return out;
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return classificationMetrics(this.probaMatrix(m), this.encoder!.encode(y), this.encoder!.size);
  }
}
