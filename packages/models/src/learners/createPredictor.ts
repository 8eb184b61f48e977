import type { CandleEvent, Prediction, SyncPredictor } from '@sextant/core';
import { InvalidArgumentError } from '@sextant/core';
import type { Model } from '../Model.type.js';

/** Options of {@link createPredictor}. */
export interface CreatePredictorOptions {
  /** Key of the prediction in `Decision.predictions`, e.g. `ret_1h`. */
  name: string;
  /** Forecast horizon in ms, when the model forecasts ahead. */
  horizonMs?: number;
  /**
   * Confidence in 0..1 from the raw value. Default: for classifiers, how far
   * the top class probability is above uniform, `(pMax - 1/K) / (1 - 1/K)`;
   * for regressors, 1. Untrusted rows always get 0.
   */
  confidence?: (value: number, event: CandleEvent) => number;
}

interface FastModel extends Model {
  predictRow(row: ArrayLike<number>): number;
  isTrustedRow(row: ArrayLike<number>): boolean;
}

/**
 * Adapt a trained {@link Model} to core's `Predictor` port, so the bot runner
 * calls it once per candle with that candle's feature row. A regressor's
 * value is its prediction; a classifier's is the probability-weighted class
 * label (P(1) for a 0/1 classifier). `trusted` is false when a feature is NaN
 * or far outside the training range, or the model returns NaN.
 *
 * @param model - a trained model (any learner, a loaded xgboost/LightGBM model, an ensemble)
 * @param options - name, horizonMs, confidence hook
 * @returns the predictor; its `predict` answers synchronously (core's `SyncPredictor`)
 * @throws InvalidArgumentError when `name` is empty or `horizonMs` is not a positive number
 * @example
 * ```ts
 * import { GradientBoostingRegressor, createPredictor } from '@sextant/models';
 * const model = new GradientBoostingRegressor({ nEstimators: 50 }).fit(X, y);
 * const predictor = createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 });
 * // createBot({ ..., models: [predictor] })
 * ```
 */
export function createPredictor(model: Model, options: CreatePredictorOptions): SyncPredictor {
  const { name, horizonMs, confidence } = options;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(`Predictor name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  if (horizonMs !== undefined && !(Number.isFinite(horizonMs) && horizonMs > 0)) {
    throw new InvalidArgumentError(`horizonMs must be a positive number of ms, got ${horizonMs}`);
  }
  const classes = (model as { classes?: readonly number[] }).classes;
  const fast = typeof (model as FastModel).predictRow === 'function' && !model.predictProba;
  const predict = (features: Float64Array, event: CandleEvent): Prediction => {
    let value: number;
    let trusted: boolean;
    let conf = 1;
    if (model.predictProba) {
      const proba = model.predictProba([Array.from(features)])[0]!;
      const K = proba.length;
      let pMax = 0;
      value = 0;
      for (let k = 0; k < K; k++) {
        value += proba[k]! * (classes?.[k] ?? k);
        pMax = Math.max(pMax, proba[k]!);
      }
      conf = K > 1 ? (pMax - 1 / K) / (1 - 1 / K) : 1;
      trusted = (model as Partial<FastModel>).isTrustedRow?.(features) ?? !features.some(Number.isNaN);
    } else if (fast) {
      value = (model as FastModel).predictRow(features);
      trusted = (model as FastModel).isTrustedRow(features);
    } else if (model.predictWithTrust) {
      const r = model.predictWithTrust([Array.from(features)]);
      value = r.values[0]!;
      trusted = r.trusted[0] === 1;
    } else {
      value = model.predict([Array.from(features)])[0]!;
      trusted = !features.some(Number.isNaN);
    }
    if (Number.isNaN(value)) trusted = false;
    if (confidence) conf = confidence(value, event);
    conf = trusted && Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0;
    return { value, confidence: conf, trusted };
  };
  return horizonMs === undefined ? { name, predict } : { name, horizonMs, predict };
}
