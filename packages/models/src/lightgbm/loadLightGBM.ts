import { ModelError } from '../errors/ModelError.js';
import type { ModelManifest } from '../Model.type.js';
import { LightGBMModel, type LightGBMModelJSON } from './LightGBMModel.js';
import { parseLightGBM } from './parseLightGBM.js';

/** Options of {@link loadLightGBM}. */
export interface LoadLightGBMOptions {
  /** Manifest fields to record (feature hash of the pipeline, target, horizon, ...). */
  manifest?: Partial<ModelManifest>;
}

/**
 * Load a LightGBM model from its text format (`save_model` /
 * `model_to_string`) or its `dump_model()` JSON, or restore a
 * {@link LightGBMModel} snapshot. Regression, binary and multiclass
 * objectives; numerical splits.
 *
 * @param source - model text, JSON text, or a parsed object
 * @param options - manifest fields (set `featureHash` to guard against another pipeline)
 * @returns the model
 * @throws ModelError on an unreadable or unsupported model
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { loadLightGBM } from '@sextant/models';
 * const model = loadLightGBM(readFileSync('model.txt', 'utf8'), { manifest: { target: 'ret_1h' } });
 * ```
 */
export function loadLightGBM(source: string | object, options: LoadLightGBMOptions = {}): LightGBMModel {
  if (source === null || (typeof source !== 'string' && typeof source !== 'object')) {
    throw new ModelError(`LightGBM model must be text or an object, got ${String(source)}`);
  }
  if (typeof source === 'object' && (source as LightGBMModelJSON).format === 'sextant-lightgbm') {
    const snap = source as LightGBMModelJSON;
    return new LightGBMModel(parseLightGBM(snap.source), snap.source, { ...snap.manifest, ...options.manifest });
  }
  const parsed = parseLightGBM(source);
  const names =
    parsed.featureNames.length === parsed.numFeature
      ? parsed.featureNames
      : Array.from({ length: parsed.numFeature }, (_, i) => `f${i}`);
  const manifest: ModelManifest = {
    kind: 'lightgbm',
    version: 1,
    featureNames: names,
    featureHash: '',
    target: '',
    horizon: '',
    trainedAt: '',
    trainRange: [0, 0],
    metrics: {},
    params: { objective: parsed.objective, trees: parsed.trees.length, numClass: parsed.numClass },
    ...options.manifest,
  };
  return new LightGBMModel(parsed, source, manifest);
}
