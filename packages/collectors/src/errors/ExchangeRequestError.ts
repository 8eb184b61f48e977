import { type ErrorCode, SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A call to an exchange or API failed. The `code` says why (network,
 * timeout, rate limit, unavailable, authentication, bad symbol, bad request,
 * ...), `retryable` whether the same call may succeed later, and `cause`
 * keeps the original (ccxt) error. Built by {@link mapCcxtError}.
 *
 * @example
 * ```ts
 * import { ExchangeRequestError } from '@sextant/collectors';
 * throw new ExchangeRequestError('TIMEOUT', 'binance fetchOHLCV timed out after 10000 ms', { retryable: true });
 * ```
 */
export class ExchangeRequestError extends SextantError {
  /**
   * @param code - why the call failed
   * @param message - short message quoting the call and the remote answer (never secrets)
   * @param options - retryable flag, cause and details
   */
  constructor(code: ErrorCode, message: string, options: SextantErrorOptions = {}) {
    super(code, message, options);
  }
}
