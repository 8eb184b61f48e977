import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import { ModelError } from '../errors/ModelError.js';
import { toMatrix } from '../data/toMatrix.js';
import type { Matrix } from '../data/Matrix.type.js';
import type { FeatureMatrix, Model, ModelManifest, PredictionResult } from '../Model.type.js';
import type { LightGBMTree } from './LightGBMTree.type.js';
import type { ParsedLightGBM } from './parseLightGBM.js';

/** Serialised {@link LightGBMModel}. */
export interface LightGBMModelJSON {
  /** Always `sextant-lightgbm`. */
  format: 'sextant-lightgbm';
  /** The manifest (kind `lightgbm`). */
  manifest: ModelManifest;
  /** The model text or dump JSON it was loaded from. */
  source: string | object;
}

const ZERO = 1e-35;

/**
 * A LightGBM model loaded with `loadLightGBM`: evaluated in double precision
 * with LightGBM's rules (`x <= threshold` goes left; NaN follows the default
 * direction when the split's missing type is NaN and counts as 0 otherwise;
 * with missing type Zero, |x| <= 1e-35 follows the default direction).
 * Regression predicts the raw sum (exp for poisson/gamma/tweedie), binary
 * `P(1) = sigmoid(sigmoid_param * sum)`, multiclass the class index with
 * softmax probabilities from `predictProba`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { loadLightGBM } from '@sextant/models';
 * const model = loadLightGBM(readFileSync('model.txt', 'utf8'));
 * model.predict([[0.1, 0.2, 0.3]]);
 * ```
 */
export class LightGBMModel implements Model {
  readonly #parsed: ParsedLightGBM;
  readonly #source: string | object;
  readonly #sigmoid: number;
  /** The manifest (kind `lightgbm`). */
  readonly manifest: ModelManifest;

  /**
   * @param parsed - output of `parseLightGBM`
   * @param source - the text or JSON it came from (kept for `toJSON`)
   * @param manifest - the manifest
   */
  constructor(parsed: ParsedLightGBM, source: string | object, manifest: ModelManifest) {
    this.#parsed = parsed;
    this.#source = source;
    this.manifest = manifest;
    const m = /sigmoid:([0-9.eE+-]+)/.exec(parsed.objective);
    this.#sigmoid = m ? Number(m[1]) : 1;
  }

  /** The parsed trees and header. */
  get parsed(): ParsedLightGBM {
    return this.#parsed;
  }

  /**
   * Not supported: the model was trained by LightGBM.
   *
   * @throws ModelError always
   */
  fit(): this {
    throw new ModelError('A LightGBM model cannot be re-trained here; use GradientBoostingRegressor/Classifier');
  }

  /**
   * Raw scores (sum of leaves per class, averaged in random-forest mode), rows x classes.
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns raw scores, row-major
   */
  predictRaw(X: FeatureMatrix): Float64Array {
    return this.#raw(this.#input(X));
  }

  /**
   * One prediction per row (regression value, binary P(1), multiclass class index).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns predictions
   * @throws FeatureMismatchError on a column count or frame hash mismatch
   */
  predict(X: FeatureMatrix): Float64Array {
    const m = this.#input(X);
    const raw = this.#raw(m);
    const K = this.#parsed.treesPerIteration;
    const kind = this.#parsed.objective.split(' ')[0];
    if (K > 1) {
      return Float64Array.from({ length: m.rows }, (_, r) => {
        let best = 0;
        for (let k = 1; k < K; k++) if (raw[r * K + k]! > raw[r * K + best]!) best = k;
        return best;
      });
    }
    if (kind === 'binary' || kind === 'cross_entropy') return raw.map((v) => 1 / (1 + Math.exp(-this.#sigmoid * v)));
    if (kind === 'poisson' || kind === 'gamma' || kind === 'tweedie') return raw.map(Math.exp);
    return raw;
  }

  /**
   * Predictions plus trust flags (0 where an input is NaN or ±Infinity).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns values and trust flags
   */
  predictWithTrust(X: FeatureMatrix): PredictionResult {
    const m = this.#input(X);
    const values = this.predict(X);
    const trusted = new Uint8Array(m.rows).fill(1);
    for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i]!)) trusted[Math.floor(i / m.cols)] = 0;
    return { values, trusted };
  }

  /**
   * Class probabilities (binary: `[1 - p, p]`; multiclass: softmax of the raw scores).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns one probability array per row
   * @throws ModelError for regression objectives
   */
  predictProba(X: FeatureMatrix): Float64Array[] {
    const kind = this.#parsed.objective.split(' ')[0];
    const K = this.#parsed.treesPerIteration;
    if (kind === 'binary' || kind === 'cross_entropy')
      return Array.from(this.predict(X), (p) => Float64Array.of(1 - p, p));
    if (K === 1)
      throw new ModelError(`predictProba needs a classification objective, this model is "${this.#parsed.objective}"`);
    const raw = this.#raw(this.#input(X));
    const out: Float64Array[] = [];
    for (let r = 0; r < raw.length / K; r++) {
      const row = raw.slice(r * K, (r + 1) * K);
      const max = Math.max(...row);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += row[k] = Math.exp(row[k]! - max);
      for (let k = 0; k < K; k++) row[k] = row[k]! / sum;
      out.push(row);
    }
    return out;
  }

  /** A snapshot `loadLightGBM` restores. */
  toJSON(): LightGBMModelJSON {
    return { format: 'sextant-lightgbm', manifest: this.manifest, source: this.#source };
  }

  #input(X: FeatureMatrix): Matrix {
    const m = toMatrix(X, { layout: 'row', expectedHash: this.manifest.featureHash });
    if (m.cols !== this.#parsed.numFeature) {
      throw new FeatureMismatchError(
        `Feature matrix has ${m.cols} columns, the LightGBM model expects ${this.#parsed.numFeature}`,
      );
    }
    return m;
  }

  #raw(m: Matrix): Float64Array {
    const { trees, treesPerIteration: K, averageOutput } = this.#parsed;
    const out = new Float64Array(m.rows * K);
    for (let r = 0; r < m.rows; r++) {
      const base = r * m.cols;
      for (let t = 0; t < trees.length; t++) {
        const j = r * K + (t % K);
        out[j] = out[j]! + leafOf(trees[t]!, m.data, base);
      }
    }
    if (averageOutput && trees.length > 0) {
      const iterations = trees.length / K;
      for (let i = 0; i < out.length; i++) out[i] = out[i]! / iterations;
    }
    return out;
  }
}

/** LightGBM's `Tree::GetLeaf` with `NumericalDecision`. */
function leafOf(t: LightGBMTree, x: Float64Array, base: number): number {
  if (t.splitFeature.length === 0) return t.leafValue[0]!;
  let node = 0;
  while (node >= 0) {
    let v = x[base + t.splitFeature[node]!]!;
    const dt = t.decisionType[node]!;
    const missing = (dt >> 2) & 3;
    if (Number.isNaN(v) && missing !== 2) v = 0;
    if ((missing === 1 && Math.abs(v) <= ZERO) || (missing === 2 && Number.isNaN(v))) {
      node = (dt & 2) !== 0 ? t.leftChild[node]! : t.rightChild[node]!;
    } else node = v <= t.threshold[node]! ? t.leftChild[node]! : t.rightChild[node]!;
  }
  return t.leafValue[~node]!;
}
