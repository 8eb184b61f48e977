import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * An order's outcome is not known (its create call timed out) and could not
 * be resolved from the exchange yet, so nothing else is sent for that market.
 * Retryable: resolution is tried again before the next order.
 *
 * @example
 * ```ts
 * import { OrderStateUnknownError } from '@sextant/execution';
 * throw new OrderStateUnknownError('Order "sx-ETHBTC-1-1" on ETH/BTC is unknown; not sending "sx-ETHBTC-2-1"');
 * ```
 */
export class OrderStateUnknownError extends SextantError {
  /**
   * @param message - which order is unknown and what was not sent
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('ORDER_STATE_UNKNOWN', message, { ...options, retryable: true });
  }
}
