import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * Storage could not be written or opened: an unwritable root, a missing
 * directory, a locked SQLite database. The message names the path and the
 * operating-system reason; `details.path` holds the path. Locks are retryable.
 *
 * @example
 * ```ts
 * import { ParquetCandleStore } from '@sextant/storage';
 * import { isSextantError } from '@sextant/core';
 * const store = new ParquetCandleStore({ root: '/read-only/dir' });
 * try { await store.write(key, series); }
 * catch (e) { if (isSextantError(e, 'STORAGE_IO')) console.error(e.message); }
 * ```
 */
export class StorageIOError extends SextantError {
  /** The path that could not be written or opened. */
  readonly path: string;

  /**
   * @param path - the file or directory involved
   * @param problem - what failed, e.g. `cannot write (EACCES)`
   * @param options - retryable flag, cause and extra details
   */
  constructor(path: string, problem: string, options: SextantErrorOptions = {}) {
    super('STORAGE_IO', `Storage I/O failed on "${path}": ${problem}`, {
      ...options,
      details: { path, ...options.details },
    });
    this.path = path;
  }
}
