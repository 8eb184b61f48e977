import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageIOError } from '../errors/StorageIOError.js';
import { ioError } from '../fs/atomicWriteFile.js';

/** Name of the writer lock file in a dataset directory. */
export const LOCK_FILE = '_writer.lock';

/** A lock file without a pid older than this was left by a writer that died creating it. */
const TORN_LOCK_MS = 2000;

/** Whether a process with this id is alive on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Run `fn` holding the dataset's writer lock: a file created atomically
 * holding the owner's pid. A lock left by a dead process (a crash) is taken
 * over; one held by a live process fails fast with a retryable error.
 *
 * @internal
 */
export async function withDatasetLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_FILE);
  await mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw ioError(dir, 'cannot create dataset directory', e);
  });
  for (let attempt = 0; ; attempt++) {
    // The lock appears with its pid already in it: write a private file, then
    // hard-link it into place (atomic, fails if the lock exists), so a writer
    // killed at any point never leaves a lock without an owner.
    const mine = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(mine, String(process.pid));
      await link(mine, path);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw ioError(path, 'cannot take the writer lock', e);
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      const age =
        Date.now() -
        (await stat(path).then(
          (s) => s.mtimeMs,
          () => 0,
        ));
      const torn = !Number.isFinite(owner) && age > TORN_LOCK_MS;
      if (attempt < 3 && (torn || (Number.isFinite(owner) && (owner === process.pid || !alive(owner))))) {
        // Stale (its writer died, or this process lost track of it) or torn
        // (a writer died between creating it and writing its pid): take it over.
        await rm(path, { force: true });
        continue;
      }
      throw new StorageIOError(path, `dataset is being written by process ${owner}`, { retryable: true, cause: e });
    } finally {
      await rm(mine, { force: true }).catch(() => undefined);
    }
  }
  // Holding the lock: clear private files of writers killed while taking it.
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = /^_writer\.lock\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true }).catch(() => undefined);
  }
}
