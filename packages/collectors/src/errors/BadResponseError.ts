import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A remote answer did not match what was expected: malformed JSON, or a
 * body missing required fields. Malformed bodies are retryable (usually a
 * truncated transfer); schema mismatches are not.
 *
 * @example
 * ```ts
 * import { BadResponseError } from '@sextant/collectors';
 * throw new BadResponseError('coingecko /simple/price: "bitcoin.usd" expected number, got "n/a"');
 * ```
 */
export class BadResponseError extends SextantError {
  /**
   * @param message - what was wrong, quoting the bad value
   * @param options - retryable flag, cause and details
   */
  constructor(message: string, options: SextantErrorOptions = {}) {
    super('BAD_RESPONSE', message, options);
  }
}
