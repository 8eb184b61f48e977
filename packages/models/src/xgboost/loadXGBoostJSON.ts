import { FeatureRange } from '../data/FeatureRange.js';
import { ModelError } from '../errors/ModelError.js';
import type { ModelManifest } from '../Model.type.js';
import { parseXGBoostJSON } from './parseXGBoostJSON.js';
import type { XGBoostJSON } from './XGBoostJSON.type.js';
import { XGBoostModel, type XGBoostModelJSON } from './XGBoostModel.js';

/** Options of {@link loadXGBoostJSON}. */
export interface LoadXGBoostJSONOptions {
  /** Manifest fields to record (feature hash of the pipeline, target, horizon, ...). */
  manifest?: Partial<ModelManifest>;
}

/**
 * Load a model saved by native xgboost (`booster.save_model('m.json')`) for
 * `reg:squarederror`, `binary:logistic`, `multi:softprob` and the other
 * objectives in `XGBOOST_OBJECTIVES`; predictions equal native xgboost's
 * (float32 splits, float32 leaf sums in tree order). Also restores an
 * {@link XGBoostModel} snapshot (`model.toJSON()`).
 *
 * @param json - the JSON text or parsed object
 * @param options - manifest fields (set `featureHash` to guard against another pipeline)
 * @returns the model
 * @throws ModelError when the JSON is not a supported xgboost model
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { loadXGBoostJSON } from '@sextant/models';
 * const model = loadXGBoostJSON(readFileSync('m.json', 'utf8'), { manifest: { target: 'ret_1h' } });
 * model.predict([[0.1, 0.2]]);
 * ```
 */
export function loadXGBoostJSON(json: string | object, options: LoadXGBoostJSONOptions = {}): XGBoostModel {
  let obj: unknown;
  try {
    obj = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (e) {
    throw new ModelError(`xgboost model is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if ((obj as XGBoostModelJSON)?.format === 'sextant-xgboost') {
    const snap = obj as XGBoostModelJSON;
    const parsed = parseXGBoostJSON(snap.xgboost);
    const range = snap.range ? FeatureRange.fromJSON(snap.range) : undefined;
    return new XGBoostModel(parsed, snap.xgboost, { ...snap.manifest, ...options.manifest }, range);
  }
  const parsed = parseXGBoostJSON(obj as object);
  const names =
    parsed.featureNames.length === parsed.numFeature
      ? parsed.featureNames
      : Array.from({ length: parsed.numFeature }, (_, i) => `f${i}`);
  const manifest: ModelManifest = {
    kind: 'xgboost-json',
    version: 1,
    featureNames: names,
    featureHash: '',
    target: '',
    horizon: '',
    trainedAt: '',
    trainRange: [0, 0],
    metrics: {},
    params: { objective: parsed.objective, numClass: parsed.numClass, trees: parsed.ensemble.size },
    ...options.manifest,
  };
  return new XGBoostModel(parsed, obj as XGBoostJSON, manifest);
}
