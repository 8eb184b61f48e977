import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A quota is used up: the shared monthly request cap of a market-data API,
 * or every key's per-minute budget when waiting is not allowed. Not
 * retryable until the quota resets (see `details.resetsAt`).
 *
 * @example
 * ```ts
 * import { QuotaExceededError } from '@sextant/collectors';
 * throw new QuotaExceededError('Monthly cap of 10000 requests reached for "coingecko"');
 * ```
 */
export class QuotaExceededError extends SextantError {
  /**
   * @param message - which quota, quoting its size
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('QUOTA_EXCEEDED', message, options);
  }
}
