import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A model was used before it was trained or loaded, its serialised form is
 * malformed, or a backend cannot handle the request (e.g. `ml-xgboost` above
 * the size where its WASM build crashes). Code `MODEL`, never retryable.
 *
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * import { loadXGBoostJSON } from '@sextant/models';
 * try { loadXGBoostJSON(text); }
 * catch (e) { if (isSextantError(e, 'MODEL')) console.error(e.message); }
 * ```
 */
export class ModelError extends SextantError {
  /**
   * @param message - what is wrong, quoting the bad value
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('MODEL', message, options);
  }
}
