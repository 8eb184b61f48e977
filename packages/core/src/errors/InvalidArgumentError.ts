import { SextantError, type SextantErrorOptions } from './SextantError.js';

/**
 * A function argument is outside its documented range (a period of 0, a
 * threshold above 1, a NaN price). Never retryable.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError } from '@sextant/core';
 * if (!(period >= 1)) throw new InvalidArgumentError(`period must be >= 1, got ${period}`);
 * ```
 */
export class InvalidArgumentError extends SextantError {
  /**
   * @param message - what is wrong, quoting the bad value
   * @param options - cause and details
   */
  constructor(message: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('INVALID_ARGUMENT', message, options);
  }
}
