import type { Matrix } from '../data/Matrix.type.js';
import type { TreeArrays } from './TreeArrays.type.js';
import { XGBOOST_OBJECTIVES, type XGBoostObjective } from './XGBOOST_OBJECTIVES.js';

/** Parts of a {@link TreeEnsemble}. */
export interface TreeEnsembleSpec {
  /** The trees, in boosting order. */
  trees: readonly TreeArrays[];
  /** Output group (class) of each tree; all 0 for one output. */
  treeGroup: ArrayLike<number>;
  /** Number of outputs: 1 for regression and binary, the class count for multiclass. */
  numGroup: number;
  /** Number of input features. */
  numFeature: number;
  /** Starting margin (already in margin space), one per group. */
  baseMargin: ArrayLike<number>;
  /** How margins become predictions. */
  objective: XGBoostObjective;
}

/**
 * A packed, float32 evaluator of boosted trees with xgboost's semantics:
 * features are rounded to float32, a split sends a row left when
 * `x < threshold` (missing values follow the default direction), and leaf
 * outputs are summed in float32 in tree order starting from the base margin,
 * as xgboost's CPU predictor does, so predictions match native xgboost.
 *
 * @example
 * ```ts
 * import { loadXGBoostJSON } from '@sextant/models';
 * const ensemble = loadXGBoostJSON(text).ensemble;
 * ensemble.predictRow(new Float64Array([0.1, 0.2])); // one value (one-output models)
 * ```
 */
export class TreeEnsemble {
  /** The spec this ensemble was built from. */
  readonly spec: TreeEnsembleSpec;
  readonly #left: Int32Array;
  readonly #right: Int32Array;
  readonly #feature: Int32Array;
  readonly #threshold: Float32Array;
  readonly #defaultLeft: Uint8Array;
  readonly #roots: Int32Array;
  readonly #group: Int32Array;
  readonly #base: Float32Array;
  readonly #scratch: Float32Array;
  readonly #acc: Float32Array;
  readonly #transform: (typeof XGBOOST_OBJECTIVES)[XGBoostObjective];

  /**
   * @param spec - trees, groups, base margins and objective
   */
  constructor(spec: TreeEnsembleSpec) {
    this.spec = spec;
    let total = 0;
    for (const t of spec.trees) total += t.left.length;
    this.#left = new Int32Array(total);
    this.#right = new Int32Array(total);
    this.#feature = new Int32Array(total);
    this.#threshold = new Float32Array(total);
    this.#defaultLeft = new Uint8Array(total);
    this.#roots = new Int32Array(spec.trees.length);
    this.#group = Int32Array.from(spec.treeGroup);
    let at = 0;
    spec.trees.forEach((t, i) => {
      this.#roots[i] = at;
      for (let n = 0; n < t.left.length; n++) {
        const l = t.left[n]!;
        this.#left[at + n] = l < 0 ? -1 : l + at;
        this.#right[at + n] = l < 0 ? -1 : t.right[n]! + at;
      }
      this.#feature.set(t.feature, at);
      this.#threshold.set(t.threshold, at);
      this.#defaultLeft.set(t.defaultLeft, at);
      at += t.left.length;
    });
    this.#base = Float32Array.from(spec.baseMargin);
    this.#scratch = new Float32Array(spec.numFeature);
    this.#acc = new Float32Array(spec.numGroup);
    this.#transform = XGBOOST_OBJECTIVES[spec.objective];
  }

  /** Number of trees. */
  get size(): number {
    return this.#roots.length;
  }

  /**
   * Raw margins (before the objective's transform) of one row, into `out`.
   *
   * @param row - one value per feature (NaN = missing)
   * @param out - receives one float32 margin per group
   * @returns `out`
   */
  marginRow(row: ArrayLike<number>, out: Float32Array = new Float32Array(this.spec.numGroup)): Float32Array {
    const x = this.#scratch;
    for (let c = 0; c < x.length; c++) x[c] = row[c]!;
    out.set(this.#base);
    const left = this.#left;
    const right = this.#right;
    const feature = this.#feature;
    const thr = this.#threshold;
    const defLeft = this.#defaultLeft;
    const roots = this.#roots;
    const group = this.#group;
    for (let t = 0; t < roots.length; t++) {
      let n = roots[t]!;
      let l = left[n]!;
      while (l >= 0) {
        const v = x[feature[n]!]!;
        n = v < thr[n]! ? l : Number.isNaN(v) ? (defLeft[n] === 1 ? l : right[n]!) : right[n]!;
        l = left[n]!;
      }
      const g = group[t]!;
      out[g] = out[g]! + thr[n]!;
    }
    return out;
  }

  /**
   * The prediction of one row for a one-output model (regression or binary
   * probability); for multiclass models, the predicted class index.
   *
   * @param row - one value per feature
   * @returns the transformed prediction
   */
  predictRow(row: ArrayLike<number>): number {
    const m = this.marginRow(row, this.#acc);
    if (this.spec.numGroup === 1) return this.#apply1(m[0]!);
    let best = 0;
    for (let k = 1; k < m.length; k++) if (m[k]! > m[best]!) best = k;
    return best;
  }

  /**
   * Raw margins of every row of a row-major matrix.
   *
   * @param m - row-major matrix with `numFeature` columns
   * @returns float32 margins, `rows x numGroup`
   */
  predictMargins(m: Matrix): Float32Array {
    const K = this.spec.numGroup;
    const out = new Float32Array(m.rows * K);
    const acc = this.#acc;
    for (let r = 0; r < m.rows; r++) {
      this.marginRow(m.data.subarray(r * m.cols, (r + 1) * m.cols), acc);
      out.set(acc, r * K);
    }
    return out;
  }

  /**
   * Transformed predictions of every row: one value per row (regression,
   * binary probability, class index for `multi:softmax`), or `rows x classes`
   * probabilities for `multi:softprob`.
   *
   * @param m - row-major matrix
   * @returns predictions as xgboost's `Booster.predict` returns them
   */
  predict(m: Matrix): Float64Array {
    const margins = this.predictMargins(m);
    const K = this.spec.numGroup;
    if (K === 1) return Float64Array.from(margins, (v) => this.#apply1(v));
    if (this.#transform === 'argmax') {
      const out = new Float64Array(m.rows);
      for (let r = 0; r < m.rows; r++) {
        let best = 0;
        for (let k = 1; k < K; k++) if (margins[r * K + k]! > margins[r * K + best]!) best = k;
        out[r] = best;
      }
      return out;
    }
    return softmaxRows(margins, K);
  }

  #apply1(v: number): number {
    switch (this.#transform) {
      case 'sigmoid':
        return Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-v))));
      case 'exp':
        return Math.fround(Math.exp(v));
      default:
        return v;
    }
  }
}

/** Softmax per row in float32, as xgboost's `common::Softmax`. */
function softmaxRows(margins: Float32Array, K: number): Float64Array {
  const out = new Float64Array(margins.length);
  for (let base = 0; base < margins.length; base += K) {
    let max = margins[base]!;
    for (let k = 1; k < K; k++) max = Math.max(max, margins[base + k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.fround(Math.exp(Math.fround(margins[base + k]! - max)));
      out[base + k] = e;
      sum = Math.fround(sum + e);
    }
    for (let k = 0; k < K; k++) out[base + k] = Math.fround(out[base + k]! / sum);
  }
  return out;
}
