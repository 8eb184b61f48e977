import { ModelError } from '../errors/ModelError.js';
import type { Model } from '../Model.type.js';
import { loadLightGBM } from '../lightgbm/loadLightGBM.js';
import { loadXGBoostJSON } from '../xgboost/loadXGBoostJSON.js';
import { DecisionTreeClassifier } from './DecisionTreeClassifier.js';
import { DecisionTreeRegressor } from './DecisionTreeRegressor.js';
import { GradientBoostingClassifier } from './GradientBoostingClassifier.js';
import { GradientBoostingRegressor } from './GradientBoostingRegressor.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { LinearRegressor } from './LinearRegressor.js';
import { RandomForestClassifier } from './RandomForestClassifier.js';
import { RandomForestRegressor } from './RandomForestRegressor.js';

// biome-ignore lint/suspicious/noExplicitAny: each loader narrows its own state type
const LOADERS: Record<string, (json: LearnerJSON<any>) => Model> = {
  'linear-regressor': (j) => LinearRegressor.fromJSON(j),
  'decision-tree-regressor': (j) => DecisionTreeRegressor.fromJSON(j),
  'decision-tree-classifier': (j) => DecisionTreeClassifier.fromJSON(j),
  'random-forest-regressor': (j) => RandomForestRegressor.fromJSON(j),
  'random-forest-classifier': (j) => RandomForestClassifier.fromJSON(j),
  'gbdt-regressor': (j) => GradientBoostingRegressor.fromJSON(j),
  'gbdt-classifier': (j) => GradientBoostingClassifier.fromJSON(j),
};

/**
 * Restore any built-in learner (or a loaded xgboost or LightGBM model) from its
 * `toJSON()` snapshot, choosing the loader by `manifest.kind`.
 *
 * @param json - the snapshot object or its JSON text
 * @returns the model, predicting exactly as the saved one did
 * @throws ModelError when the text is not JSON or the kind is unknown
 * @example
 * ```ts
 * import { writeFileSync, readFileSync } from 'node:fs';
 * import { GradientBoostingRegressor, loadModel } from '@sextant/models';
 * writeFileSync('m.json', JSON.stringify(new GradientBoostingRegressor().fit(X, y)));
 * const model = loadModel(readFileSync('m.json', 'utf8'));
 * ```
 */
export function loadModel(json: string | object): Model {
  let obj: unknown;
  try {
    obj = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (e) {
    throw new ModelError(`Model snapshot is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const snap = obj as { format?: unknown; manifest?: { kind?: unknown } };
  if (snap?.format === 'sextant-xgboost') return loadXGBoostJSON(snap);
  if (snap?.format === 'sextant-lightgbm') return loadLightGBM(snap);
  const kind = snap?.manifest?.kind;
  const loader = typeof kind === 'string' && snap.format === 'sextant-model' ? LOADERS[kind] : undefined;
  if (!loader) {
    throw new ModelError(`Unknown model snapshot kind "${String(kind)}"`, { details: { known: Object.keys(LOADERS) } });
  }
  return loader(snap as LearnerJSON);
}
