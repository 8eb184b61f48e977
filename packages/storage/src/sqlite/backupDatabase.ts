import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { ioError, syncDir, tempPathFor } from '../fs/atomicWriteFile.js';

/**
 * Online backup of `db` into `toPath`: SQLite's backup API into a temp file,
 * fsync, rename. A crash leaves either the previous backup or the new one.
 *
 * @internal
 */
export async function backupDatabase(
  db: Database.Database,
  source: string,
  toPath: string,
): Promise<{ path: string; bytes: number }> {
  const tmp = tempPathFor(toPath);
  try {
    await mkdir(dirname(toPath), { recursive: true });
    await db.backup(tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, toPath);
    await syncDir(dirname(toPath));
    return { path: toPath, bytes: (await stat(toPath)).size };
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(toPath, `cannot back up "${source}"`, e);
  }
}

/** Options of {@link pruneBackups}. */
export interface PruneBackupsOptions {
  /** How many of the newest backups to keep (at least 1). */
  keep: number;
  /** File name prefix of the backups. @default 'state-' */
  prefix?: string;
}

/**
 * Backup retention: delete all but the newest `keep` files named
 * `<prefix>*.db` in `dir` (names carry a sortable UTC time, so the newest
 * sort last).
 *
 * @param dir - the backup directory
 * @param options - `keep` (>= 1) and `prefix` (default `'state-'`)
 * @returns the deleted paths
 * @throws StorageIOError when the directory cannot be listed or a file removed
 * @example
 * ```ts
 * import { pruneBackups } from '@sextant/storage/sqlite';
 * await pruneBackups('.sextant/backups', { keep: 7 });
 * ```
 */
export async function pruneBackups(dir: string, options: PruneBackupsOptions): Promise<string[]> {
  const keep = Math.max(1, Math.floor(options.keep));
  const prefix = options.prefix ?? 'state-';
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(prefix) && n.endsWith('.db')).sort();
  } catch (e) {
    throw ioError(dir, 'cannot list backups', e);
  }
  const doomed = names.slice(0, Math.max(0, names.length - keep)).map((n) => join(dir, n));
  for (const path of doomed) {
    await rm(path, { force: true }).catch((e: unknown) => {
      throw ioError(path, 'cannot remove old backup', e);
    });
  }
  return doomed;
}

/**
 * A sortable backup file name for a time: `state-20240601T120000123Z.db`.
 *
 * @internal
 */
export function backupName(at: number, prefix = 'state-'): string {
  return `${prefix}${new Date(at).toISOString().replace(/[-:.]/g, '')}.db`;
}
