import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import { ModelError } from '../errors/ModelError.js';
import { toMatrix } from '../data/toMatrix.js';
import type { FeatureMatrix, Model, ModelManifest, PredictionResult } from '../Model.type.js';
import type { FeatureRange, FeatureRangeJSON } from '../data/FeatureRange.js';
import type { ParsedXGBoost } from './parseXGBoostJSON.js';
import type { XGBoostJSON } from './XGBoostJSON.type.js';

/** Serialised {@link XGBoostModel}: the manifest and the untouched xgboost JSON. */
export interface XGBoostModelJSON {
  /** Always `sextant-xgboost`. */
  format: 'sextant-xgboost';
  /** The manifest (kind `xgboost-json`). */
  manifest: ModelManifest;
  /** Training feature range for the trust flag, when known. */
  range: FeatureRangeJSON | null;
  /** The model as native xgboost saved it. */
  xgboost: XGBoostJSON;
}

/**
 * A model trained by native xgboost and loaded with `loadXGBoostJSON`:
 * predicts exactly as xgboost does (float32 splits and sums). Regression and
 * binary models predict one value per row (binary: P(1)); `multi:softprob`
 * models predict the class index and give probabilities via `predictProba`.
 * It cannot be re-trained here (`fit` throws).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { loadXGBoostJSON } from '@sextant/models';
 * const model = loadXGBoostJSON(readFileSync('model.json', 'utf8'));
 * model.predict([[0.1, 0.2, 0.3]]);
 * ```
 */
export class XGBoostModel implements Model {
  readonly #parsed: ParsedXGBoost;
  readonly #json: XGBoostJSON;
  readonly #range: FeatureRange | undefined;
  /** The manifest (kind `xgboost-json`). */
  readonly manifest: ModelManifest;

  /**
   * @param parsed - output of `parseXGBoostJSON`
   * @param json - the xgboost JSON itself (kept for `toJSON`)
   * @param manifest - the manifest
   * @param range - training feature range, when known
   */
  constructor(parsed: ParsedXGBoost, json: XGBoostJSON, manifest: ModelManifest, range?: FeatureRange) {
    this.#parsed = parsed;
    this.#json = json;
    this.manifest = manifest;
    this.#range = range;
  }

  /** Objective, class count and the float32 evaluator. */
  get parsed(): ParsedXGBoost {
    return this.#parsed;
  }

  /**
   * Not supported: the model was trained by xgboost.
   *
   * @throws ModelError always
   */
  fit(): this {
    throw new ModelError('An xgboost-json model cannot be re-trained here; use GradientBoostingRegressor/Classifier');
  }

  /**
   * One prediction per row, as native `Booster.predict` (class index for multiclass).
   *
   * @param X - rows x features, or a FeatureFrame with the model's feature hash
   * @returns predictions
   * @throws FeatureMismatchError on a column count or frame hash mismatch
   */
  predict(X: FeatureMatrix): Float64Array {
    const m = this.#input(X);
    const e = this.#parsed.ensemble;
    if (e.spec.numGroup === 1) return e.predict(m);
    const out = new Float64Array(m.rows);
    for (let r = 0; r < m.rows; r++) out[r] = e.predictRow(m.data.subarray(r * m.cols, (r + 1) * m.cols));
    return out;
  }

  /**
   * Predictions plus trust flags (0 where an input is NaN/±Infinity or, when a range is known, far outside training).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns values and trust flags
   */
  predictWithTrust(X: FeatureMatrix): PredictionResult {
    const m = this.#input(X);
    const values = this.predict(X);
    const trusted = this.#range ? this.#range.trust(m) : new Uint8Array(m.rows).fill(1);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols && trusted[r] === 1; c++)
        if (!Number.isFinite(m.data[r * m.cols + c]!)) trusted[r] = 0;
    }
    return { values, trusted };
  }

  /**
   * Class probabilities per row (binary: `[1 - p, p]`).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns one probability array per row
   * @throws ModelError for regression objectives
   */
  predictProba(X: FeatureMatrix): Float64Array[] {
    const { objective } = this.#parsed;
    if (objective !== 'binary:logistic' && objective !== 'multi:softprob' && objective !== 'reg:logistic') {
      throw new ModelError(`predictProba needs a probabilistic objective, this model is "${objective}"`);
    }
    const m = this.#input(X);
    const e = this.#parsed.ensemble;
    const flat = e.predict(m);
    const K = e.spec.numGroup;
    const out: Float64Array[] = [];
    for (let r = 0; r < m.rows; r++) {
      if (K === 1) out.push(Float64Array.of(1 - flat[r]!, flat[r]!));
      else out.push(flat.slice(r * K, (r + 1) * K));
    }
    return out;
  }

  /** A snapshot `loadXGBoostJSON` restores. */
  toJSON(): XGBoostModelJSON {
    return {
      format: 'sextant-xgboost',
      manifest: this.manifest,
      range: this.#range?.toJSON() ?? null,
      xgboost: this.#json,
    };
  }

  #input(X: FeatureMatrix) {
    const numFeature = this.#parsed.numFeature;
    const m = toMatrix(X, { layout: 'row', expectedHash: this.manifest.featureHash });
    if (m.cols !== numFeature) {
      throw new FeatureMismatchError(`Feature matrix has ${m.cols} columns, the xgboost model expects ${numFeature}`);
    }
    return m;
  }
}
