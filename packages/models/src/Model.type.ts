import type { FeatureFrame } from '@sextant/features';

/** A feature matrix: rows of numbers, or a {@link FeatureFrame} (checked against the model's feature hash). */
export type FeatureMatrix = readonly (readonly number[])[] | FeatureFrame;

/** What every model records about itself; travels in `toJSON()` and the model store. */
export interface ModelManifest {
  /** Learner kind, e.g. `gbdt-regressor`, `random-forest-classifier`, `xgboost-json`, `onnx`. */
  kind: string;
  /** Format version of the serialised model. */
  version: number;
  /** Feature names in column order. */
  featureNames: string[];
  /** Hash of the feature pipeline the model was trained on. */
  featureHash: string;
  /** Target name, e.g. `ret_1h`, `label_3class`. */
  target: string;
  /** Forecast horizon, e.g. `1h`, or `''` when not a forecast. */
  horizon: string;
  /** Training time, ISO-8601. */
  trainedAt: string;
  /** First and last training row times, ms UTC. */
  trainRange: [number, number];
  /** Validation metrics (`mae`, `rmse`, `logloss`, `accuracy`, ...). */
  metrics: Record<string, number>;
  /** Hyperparameters as given (resolved). */
  params: Record<string, unknown>;
}

/** Options of {@link Model.fit}. */
export interface FitOptions {
  /** Feature names when `X` is `number[][]`. */
  featureNames?: readonly string[];
  /** Rows held out for early stopping / validation metrics. */
  validation?: { X: FeatureMatrix; y: ArrayLike<number> };
  /** Per-row weights. */
  sampleWeight?: ArrayLike<number>;
  /** Manifest fields to record (target, horizon, trainRange, featureHash). */
  manifest?: Partial<Pick<ModelManifest, 'target' | 'horizon' | 'trainRange' | 'featureHash'>>;
}

/** Predictions with the rows the model should not be trusted on. */
export interface PredictionResult {
  /** One value per row (NaN where the row could not be predicted). */
  values: Float64Array;
  /** 1 where the row is trustworthy, 0 where inputs were NaN or far outside the training data (FreqAI's do_predict). */
  trusted: Uint8Array;
}

/**
 * The model contract every learner implements: fit, predict, serialise.
 * Classifiers also implement `predictProba`.
 */
export interface Model {
  /** The manifest (complete after `fit` or load). */
  readonly manifest: ModelManifest;
  /** Train on `X` (rows x features) and `y`. Returns `this`. */
  fit(X: FeatureMatrix, y: ArrayLike<number>, options?: FitOptions): this | Promise<this>;
  /** One prediction per row; throws FeatureMismatchError on a frame with another feature hash. */
  predict(X: FeatureMatrix): Float64Array;
  /** Predictions plus a trust flag per row. */
  predictWithTrust?(X: FeatureMatrix): PredictionResult;
  /** Class probabilities, one row per input row (classifiers). */
  predictProba?(X: FeatureMatrix): Float64Array[];
  /** A JSON-serialisable snapshot that the matching loader restores exactly. */
  toJSON(): unknown;
}
