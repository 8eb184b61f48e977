import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * The model store found a version directory unreadable or tampered with
 * (`STORAGE_CORRUPT`), or could not write or read the disk (`STORAGE_IO`).
 * Never retryable as such: a corrupt version stays corrupt; fix the
 * permissions or disk and call again.
 *
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * try { await store.load('ETH/BTC', '1h'); }
 * catch (e) { if (isSextantError(e, 'STORAGE_CORRUPT')) await store.rollback('ETH/BTC', '1h'); }
 * ```
 */
export class ModelStoreError extends SextantError {
  /**
   * @param code - `STORAGE_CORRUPT` or `STORAGE_IO`
   * @param message - what failed, quoting the path
   * @param options - cause and details
   */
  constructor(
    code: 'STORAGE_CORRUPT' | 'STORAGE_IO',
    message: string,
    options: Omit<SextantErrorOptions, 'retryable'> = {},
  ) {
    super(code, message, options);
  }
}
