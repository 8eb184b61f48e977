import { InvalidArgumentError, type SextantError, isSextantError, toSextantError } from '@sextant/core';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { StorageIOError } from '../errors/StorageIOError.js';

/**
 * A better-sqlite3 error as a typed Sextant error naming the database file:
 * locks are retryable I/O errors, NOTADB/CORRUPT are corrupt-file errors,
 * constraint violations are invalid arguments.
 *
 * @internal
 */
export function mapSqliteError(file: string, e: unknown): SextantError {
  if (isSextantError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  if (typeof code !== 'string') return toSextantError(e, `SQLite "${file}"`);
  if (/^E[A-Z]+$/.test(code)) return new StorageIOError(file, `cannot open (${code})`, { cause: e });
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new StorageIOError(file, `database is locked by another connection (${code})`, {
      cause: e,
      retryable: true,
    });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new StorageCorruptError(file, `not a valid SQLite database (${code}: ${msg})`, { cause: e });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new InvalidArgumentError(`Rejected by the state store "${file}": ${msg}`, { cause: e });
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_PERM'
  ) {
    return new StorageIOError(file, `${msg} (${code})`, { cause: e });
  }
  return toSextantError(e, `SQLite "${file}" (${code})`);
}
