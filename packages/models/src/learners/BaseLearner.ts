import { InvalidArgumentError } from '@sextant/core';
import { FeatureRange } from '../data/FeatureRange.js';
import type { Matrix } from '../data/Matrix.type.js';
import { toMatrix } from '../data/toMatrix.js';
import { toTarget } from '../data/toTarget.js';
import { withLayout } from '../data/withLayout.js';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, FitOptions, Model, ModelManifest, PredictionResult } from '../Model.type.js';
import type { LearnerJSON } from './LearnerJSON.type.js';

/** What {@link BaseLearner} hands a subclass's `fitMatrix`. */
export interface FitContext {
  /** Per-row weights (non-negative), when given. */
  weight: Float64Array | undefined;
  /** Validation rows in the fit layout, when given. */
  validation: { X: Matrix; y: Float64Array } | undefined;
}

const DEFAULT_NAME = /^f\d+$/;

/**
 * Shared plumbing of the built-in learners: input conversion, the feature
 * hash guard, the trust flag, validation metrics and the manifest. A subclass
 * implements `fitMatrix`, `predictMatrix`, `evaluate` and `saveState`.
 *
 * @example
 * ```ts
 * import { LinearRegressor, type BaseLearner } from '@sextant/models';
 * const model: BaseLearner<unknown> = new LinearRegressor().fit([[0], [1], [2]], [1, 3, 5]);
 * model.predictWithTrust([[1.5], [Number.NaN]]).trusted; // Uint8Array [1, 0]
 * ```
 */
export abstract class BaseLearner<S> implements Model {
  #manifest: ModelManifest;
  #range: FeatureRange | undefined;
  readonly #trustMargin: number;

  /** Memory layout `fitMatrix` wants its training matrix in. */
  protected abstract readonly fitLayout: 'row' | 'col';

  /**
   * @param kind - manifest kind, e.g. `linear-regressor`
   * @param version - serialisation format version
   * @param params - resolved hyperparameters, recorded in the manifest
   * @param trustMargin - allowed distance outside the training range (fraction of its width)
   */
  protected constructor(kind: string, version: number, params: Record<string, unknown>, trustMargin: number) {
    this.#trustMargin = trustMargin;
    this.#manifest = {
      kind,
      version,
      featureNames: [],
      featureHash: '',
      target: '',
      horizon: '',
      trainedAt: '',
      trainRange: [0, 0],
      metrics: {},
      params,
    };
  }

  /** The manifest (complete after `fit` or load). */
  get manifest(): ModelManifest {
    return this.#manifest;
  }

  /** Whether the model has been trained or loaded. */
  get isFitted(): boolean {
    return this.#range !== undefined;
  }

  /**
   * Train on `X` and `y`; records the feature names, hash, training range and
   * validation metrics (or training metrics prefixed `train_`) in the manifest.
   *
   * @param X - rows x features, or a FeatureFrame
   * @param y - one finite target per row
   * @param options - feature names, validation rows, weights, manifest fields
   * @returns this
   * @throws InvalidArgumentError on bad shapes, non-finite targets or negative weights
   */
  fit(X: FeatureMatrix, y: ArrayLike<number>, options: FitOptions = {}): this {
    const m = toMatrix(X, { layout: this.fitLayout });
    const names = m.names ? [...m.names] : options.featureNames ? [...options.featureNames] : defaultNames(m.cols);
    if (names.length !== m.cols) {
      throw new InvalidArgumentError(`featureNames has ${names.length} names, the matrix has ${m.cols} columns`);
    }
    const target = toTarget(y, m.rows);
    const weight = options.sampleWeight ? toTarget(options.sampleWeight, m.rows, 'sampleWeight') : undefined;
    if (weight?.some((w) => w < 0)) {
      throw new InvalidArgumentError(`sampleWeight must be >= 0, got ${weight.find((w) => w < 0)}`);
    }
    const hash = options.manifest?.featureHash ?? m.hash ?? '';
    let validation: FitContext['validation'];
    if (options.validation) {
      const vX = toMatrix(options.validation.X, { layout: this.fitLayout, expectedCols: m.cols, expectedHash: hash });
      validation = { X: vX, y: toTarget(options.validation.y, vX.rows, 'validation.y') };
    }
    this.prepareTargets(target, validation?.y);
    const trainMetrics = this.fitMatrix(m, target, { weight, validation });
    this.#range = FeatureRange.fromMatrix(m, this.#trustMargin);
    let metrics: Record<string, number>;
    if (validation) metrics = this.evaluate(withLayout(validation.X, 'row'), validation.y);
    else {
      const raw = trainMetrics ?? this.evaluate(withLayout(m, 'row'), target);
      metrics = Object.fromEntries(Object.entries(raw).map(([k, v]) => [`train_${k}`, v]));
    }
    const ts = m.timestamp;
    this.#manifest = {
      ...this.#manifest,
      featureNames: names,
      featureHash: hash,
      target: options.manifest?.target ?? '',
      horizon: options.manifest?.horizon ?? '',
      trainedAt: new Date().toISOString(),
      trainRange: options.manifest?.trainRange ?? (ts && ts.length > 0 ? [ts[0]!, ts[ts.length - 1]!] : [0, 0]),
      metrics,
    };
    return this;
  }

  /**
   * One prediction per row.
   *
   * @param X - rows x features, or a FeatureFrame from the training pipeline
   * @returns predictions (NaN where a row cannot be predicted)
   * @throws FeatureMismatchError when a frame's hash or names, or the column count, differ from training
   * @throws ModelError when the model is not trained
   */
  predict(X: FeatureMatrix): Float64Array {
    return this.predictMatrix(this.input(X));
  }

  /**
   * Predictions plus a trust flag per row: 0 where an input is NaN/±Infinity,
   * lies far outside the training range, or the prediction is NaN.
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns values and trust flags
   * @throws FeatureMismatchError as {@link BaseLearner.predict}
   */
  predictWithTrust(X: FeatureMatrix): PredictionResult {
    const m = this.input(X);
    const values = this.predictMatrix(m);
    const trusted = this.#range!.trust(m);
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) trusted[i] = 0;
    return { values, trusted };
  }

  /**
   * Whether one feature row (model column order) is inside the trusted training range.
   *
   * @param row - one value per feature
   * @returns false when a value is NaN or far outside training
   */
  isTrustedRow(row: ArrayLike<number>): boolean {
    return this.#range?.trustRow(row) ?? false;
  }

  /** A JSON-serialisable snapshot that `loadModel` (or the class's `fromJSON`) restores exactly. */
  toJSON(): LearnerJSON<S> {
    this.requireFitted();
    return { format: 'sextant-model', manifest: this.#manifest, range: this.#range!.toJSON(), state: this.saveState() };
  }

  /** Convert and check prediction input (row-major). */
  protected input(X: FeatureMatrix): Matrix {
    this.requireFitted();
    const { featureNames, featureHash } = this.#manifest;
    const named = featureNames.length > 0 && !featureNames.every((n, i) => n === `f${i}` && DEFAULT_NAME.test(n));
    return toMatrix(X, {
      layout: 'row',
      expectedCols: this.#range!.cols,
      expectedHash: featureHash,
      ...(named ? { expectedNames: featureNames } : {}),
    });
  }

  /** Throw a ModelError when neither trained nor loaded. */
  protected requireFitted(): void {
    if (!this.#range) throw new ModelError(`${this.#manifest.kind} is not trained: call fit() or load it first`);
  }

  /** Restore manifest and range from a snapshot (used by `fromJSON`). */
  protected restoreBase(json: LearnerJSON<S>): void {
    this.#manifest = { ...json.manifest };
    this.#range = FeatureRange.fromJSON(json.range);
  }

  /** Hook to validate or encode targets before fitting (classifiers map labels to classes). */
  protected prepareTargets(_y: Float64Array, _validationY: Float64Array | undefined): void {}

  /** Train on a converted matrix; may return training metrics it got for free (else `evaluate` runs on the training rows). */
  protected abstract fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): Record<string, number> | undefined;
  /** Predict a row-major matrix. */
  protected abstract predictMatrix(m: Matrix): Float64Array;
  /** Metrics of the fitted model on row-major `m` against `y`. */
  protected abstract evaluate(m: Matrix, y: Float64Array): Record<string, number>;
  /** The learner-specific fitted state. */
  protected abstract saveState(): S;
}

function defaultNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `f${i}`);
}
