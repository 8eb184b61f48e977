import type { XGBoostJSON } from './XGBoostJSON.type.js';

const FLOAT_ARRAYS = /"(base_weights|loss_changes|split_conditions|sum_hessian)":\[([^\]]*)\]/g;

/**
 * Serialise an xgboost JSON model so native xgboost loads it: xgboost's
 * JSON reader refuses an integer literal (`0`) where it expects a float, so
 * whole numbers in the float arrays are written as `0.0`, as xgboost itself
 * writes them. Plain `JSON.stringify` output is still readable by
 * `loadXGBoostJSON`, but not by native xgboost.
 *
 * @param json - a model from `toXGBoostJSON()` or `model.toXGBoostJSON()`
 * @returns the JSON text
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { stringifyXGBoostJSON } from '@sextant/models';
 * writeFileSync('model.json', stringifyXGBoostJSON(model.toXGBoostJSON())); // xgb.Booster(model_file='model.json')
 * ```
 */
export function stringifyXGBoostJSON(json: XGBoostJSON): string {
  return JSON.stringify(json).replace(FLOAT_ARRAYS, (_, key: string, body: string) => {
    const values = body.length === 0 ? [] : body.split(',').map((v) => (/^-?\d+$/.test(v) ? `${v}.0` : v));
    return `"${key}":[${values.join(',')}]`;
  });
}
