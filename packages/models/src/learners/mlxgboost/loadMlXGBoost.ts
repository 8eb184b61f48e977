import { createRequire } from 'node:module';
import type { MlXGBoostBackend } from './MlXGBoostBackend.type.js';
import { ModelError } from '../../errors/ModelError.js';

let pending: Promise<MlXGBoostBackend> | undefined;

/**
 * Load the `ml-xgboost` WASM module once (it is only required when first
 * needed, so importing `@sextant/models` never loads it).
 *
 * @returns the ml-xgboost booster class
 * @throws ModelError when the package cannot be loaded
 * @example
 * ```ts
 * import { loadMlXGBoost, MlXGBoostRegressor } from '@sextant/models';
 * const model = new MlXGBoostRegressor({ nEstimators: 50 }, await loadMlXGBoost());
 * ```
 */
export function loadMlXGBoost(): Promise<MlXGBoostBackend> {
  pending ??= new Promise<MlXGBoostBackend>((resolve, reject) => {
    try {
      // ml-xgboost is CommonJS whose export is a Promise: require it (an ESM namespace of it would look thenable).
      const req = typeof require === 'function' ? require : createRequire(import.meta.url);
      (req('ml-xgboost') as Promise<MlXGBoostBackend>).then(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }).catch((e: unknown) => {
    pending = undefined;
    throw new ModelError(`ml-xgboost could not be loaded: ${(e as Error).message}`, { cause: e });
  });
  return pending;
}
