import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A fill or order needs more cash or base currency than the account holds.
 * Never retryable: the same order fails again until funds change. Nothing is
 * booked when it is thrown.
 *
 * @example
 * ```ts
 * import { InsufficientFundsError } from '@sextant/execution';
 * throw new InsufficientFundsError('Buy of "2" ETH/BTC needs "0.2" BTC, cash is "0.1"');
 * ```
 */
export class InsufficientFundsError extends SextantError {
  /**
   * @param message - what was needed and what was there, quoting both
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('INSUFFICIENT_FUNDS', message, options);
  }
}
