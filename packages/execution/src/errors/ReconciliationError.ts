import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * Startup reconciliation found the exchange and the order journal disagree
 * in a way it may not fix on its own (an open order nobody here placed, an
 * order it could not look up), so live trading does not start. Never retryable
 * without a human look.
 *
 * @example
 * ```ts
 * import { ReconciliationError } from '@sextant/execution';
 * throw new ReconciliationError('Open order "web_123" on ETH/BTC was not placed by this bot');
 * ```
 */
export class ReconciliationError extends SextantError {
  /**
   * @param message - what disagrees, quoting the order ids
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('PREFLIGHT_FAILED', message, options);
  }
}
