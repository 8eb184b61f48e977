import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StorageIOError } from '../errors/StorageIOError.js';

/** Suffix of temporary files; never matches `*.parquet` globs. */
export const TEMP_SUFFIX = '.tmp';

/**
 * A temporary path beside `path`: `.<name>.<random>.tmp`, hidden and not
 * matching `*.parquet`, so dataset readers never see it.
 *
 * @internal
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * Write `bytes` to a temporary file beside `path`, fsync it, and return the
 * temporary path (the caller renames it into place).
 *
 * @internal
 */
export async function writeTempFile(path: string, bytes: Uint8Array): Promise<string> {
  const dir = dirname(path);
  const tmp = tempPathFor(path);
  try {
    await mkdir(dir, { recursive: true });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(dir, 'cannot write', e);
  }
  return tmp;
}

/**
 * fsync a directory so that renames inside it survive a power cut.
 *
 * @internal
 */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Replace `path` with `bytes` atomically: temp file, fsync, rename, fsync of
 * the directory. A crash at any point leaves either the old or the new file.
 *
 * @internal
 */
export async function atomicWriteFile(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = await writeTempFile(path, bytes);
  try {
    await rename(tmp, path);
    await syncDir(dirname(path));
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(path, 'cannot replace', e);
  }
}

/** A {@link StorageIOError} for a failed file operation, with the OS code. */
export function ioError(path: string, what: string, cause: unknown): StorageIOError {
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
  return new StorageIOError(path, `${what} (${reason})`, { cause, retryable: code === 'EBUSY' || code === 'EAGAIN' });
}
