import type { CandleEvent, Prediction, Predictor } from '@sextant/core';
import { InvalidArgumentError } from '@sextant/core';
import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import type { CreatePredictorOptions } from '../learners/createPredictor.js';
import type { OnnxModel } from './OnnxModel.js';

/** Options of {@link createOnnxPredictor}: the same as `createPredictor`'s. */
export type CreateOnnxPredictorOptions = CreatePredictorOptions;

/**
 * Core's `Predictor` port answered asynchronously, as an ONNX model runs in
 * onnxruntime's native thread; the bot runner awaits it.
 */
export interface OnnxPredictor extends Predictor {
  /**
   * Predict from one feature row (for a sequence model, the newest row of its series).
   *
   * @param features - one value per feature, in the manifest's column order
   * @param event - the candle the row belongs to; sequence models keep one window per symbol and timeframe
   * @returns the prediction; `trusted: false` and NaN value until a sequence model's window is full
   * @throws FeatureMismatchError when the row has another length than the model's inputs
   */
  predict(features: Float64Array, event: CandleEvent): Promise<Prediction>;
  /** Forget the rows kept for sequence windows (for example after a gap in the data). */
  reset(): void;
}

/**
 * Adapt an {@link OnnxModel} to the bot runner's `Predictor` port. A tabular
 * model predicts each row on its own; a sequence model (an LSTM) keeps the
 * last `sequenceLength` rows of each symbol and timeframe and predicts from
 * that window, so the first `sequenceLength - 1` candles of a series give an
 * untrusted NaN. `trusted` is false when a row of the window holds NaN or
 * ±Infinity, or lies outside the training range the file's metadata
 * records; untrusted predictions get confidence 0. Regressors get confidence
 * 1 unless the `confidence` hook says otherwise.
 *
 * @param model - a loaded ONNX model (`OnnxModel.load`)
 * @param options - name, horizonMs, confidence hook
 * @returns the predictor; its `predict` returns a promise
 * @throws InvalidArgumentError when `name` is empty or `horizonMs` is not a positive number
 * @example
 * ```ts
 * import { OnnxModel, createOnnxPredictor } from '@sextant/models/onnx';
 * const lstm = await OnnxModel.load('models/lstm.onnx');
 * const predictor = createOnnxPredictor(lstm, { name: 'ret_1h', horizonMs: 3_600_000 });
 * // createBot({ ..., models: [predictor] })
 * ```
 */
export function createOnnxPredictor(model: OnnxModel, options: CreateOnnxPredictorOptions): OnnxPredictor {
  const { name, horizonMs, confidence } = options;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(`Predictor name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  if (horizonMs !== undefined && !(Number.isFinite(horizonMs) && horizonMs > 0)) {
    throw new InvalidArgumentError(`horizonMs must be a positive number of ms, got ${horizonMs}`);
  }
  const seq = model.sequenceLength;
  const windows = new Map<string, number[][]>();
  const predict = async (features: Float64Array, event: CandleEvent): Promise<Prediction> => {
    if (features.length !== model.featureCount) {
      throw new FeatureMismatchError(
        `Feature row has ${features.length} values, ONNX model "${name}" expects ${model.featureCount}`,
        { details: { expected: model.featureCount, actual: features.length } },
      );
    }
    const row = Array.from(features);
    let rows = [row];
    if (seq > 1) {
      const key = `${event.symbol}\u0000${event.timeframe}`;
      const window = windows.get(key) ?? [];
      window.push(row);
      if (window.length > seq) window.shift();
      windows.set(key, window);
      if (window.length < seq) return { value: Number.NaN, confidence: 0, trusted: false };
      rows = window.slice();
    }
    const r = await model.predictWithTrust(rows);
    const last = rows.length - 1;
    const value = r.values[last]!;
    const trusted = r.trusted[last] === 1 && !Number.isNaN(value);
    let conf = confidence ? confidence(value, event) : 1;
    conf = trusted && Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0;
    return { value, confidence: conf, trusted };
  };
  const reset = (): void => windows.clear();
  return horizonMs === undefined ? { name, predict, reset } : { name, horizonMs, predict, reset };
}
