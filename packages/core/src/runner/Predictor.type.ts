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
  /** Predict from one feature row. */
  predict(features: Float64Array, event: CandleEvent): Prediction;
}
