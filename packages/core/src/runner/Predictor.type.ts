import type { CandleEvent } from './CandleEvent.type.js';

/** One model output for one candle. */
export interface Prediction {
  /** The predicted value (a forward return, a class probability, ...). */
  value: number;
  /** Confidence from 0 to 1. */
  confidence: number;
  /** False when the model should not be trusted on this row (NaN inputs, far outside training data). */
  trusted: boolean;
}

/** A trained model as the runner sees it: features in, one prediction out. */
export interface Predictor {
  /** Key of this model's output in `Decision.predictions`, e.g. `ret_1h`. */
  readonly name: string;
  /** Horizon of the prediction in ms, when it forecasts ahead. */
  readonly horizonMs?: number;
  /**
   * Predict from one feature row. May answer asynchronously (an ONNX session,
   * a remote model); the runner awaits it and keeps synchronous predictors on
   * its fast path.
   */
  predict(features: Float64Array, event: CandleEvent): Prediction | Promise<Prediction>;
}

/** A {@link Predictor} that always answers synchronously (trees, linear models): the runner's fast path. */
export interface SyncPredictor extends Predictor {
  /** Predict from one feature row, synchronously. */
  predict(features: Float64Array, event: CandleEvent): Prediction;
}
