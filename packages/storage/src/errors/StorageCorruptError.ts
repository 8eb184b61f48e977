import { SextantError, type SextantErrorOptions } from '@sextant/core';

/**
 * A stored file is unreadable: truncated or corrupt Parquet, a wrong schema,
 * a corrupt SQLite database. The message names the file and what is wrong;
 * `details.file` holds the path. Never retryable (the bytes will not change).
 *
 * @example
 * ```ts
 * import { readCandlesParquet } from '@sextant/storage';
 * import { isSextantError } from '@sextant/core';
 * try { await readCandlesParquet('broken.parquet'); }
 * catch (e) { if (isSextantError(e, 'STORAGE_CORRUPT')) console.error(e.message); }
 * ```
 */
export class StorageCorruptError extends SextantError {
  /** The file that is corrupt. */
  readonly file: string;

  /**
   * @param file - path of the bad file
   * @param problem - what is wrong with it
   * @param options - cause and extra details
   */
  constructor(file: string, problem: string, options: Omit<SextantErrorOptions, 'retryable'> = {}) {
    super('STORAGE_CORRUPT', `Corrupt file "${file}": ${problem}`, {
      ...options,
      details: { file, ...options.details },
    });
    this.file = file;
  }
}
