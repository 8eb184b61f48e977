import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A backend cannot handle the request, e.g. `ml-xgboost` asked to train on
 * more data than its fixed WASM heap holds (it would crash with "memory
 * access out of bounds"). Code `NOT_SUPPORTED`, never retryable: use a
 * smaller set or another learner.
 *
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * try { model.fit(X, y); }
 * catch (e) { if (isSextantError(e, 'NOT_SUPPORTED')) useGradientBoostingInstead(); }
 * ```
 */
export class BackendLimitError extends SextantError {
  /**
   * @param message - what exceeds which limit, quoting both
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('NOT_SUPPORTED', message, options);
  }
}
