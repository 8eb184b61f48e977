import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A model was asked to predict on features it was not trained with: a
 * `FeatureFrame` (from `@sextant/features`) whose pipeline hash differs from the model manifest's,
 * or a matrix with the wrong number of columns. Never retryable: retrain the
 * model or feed it the pipeline it was trained on. Code `FEATURE_MISMATCH`.
 *
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * import { LinearRegressor } from '@sextant/models';
 * try { model.predict(frame); }
 * catch (e) { if (isSextantError(e, 'FEATURE_MISMATCH')) console.error(e.message); }
 * ```
 */
export class FeatureMismatchError extends SextantError {
  /**
   * @param message - what differs, quoting both values
   * @param options - cause and details (`expected`, `actual`)
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('FEATURE_MISMATCH', message, options);
  }
}
