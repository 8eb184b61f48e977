import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
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
 * Run `fn` holding the dataset's writer lock: a file created exclusively
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
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(String(process.pid));
      } finally {
        await fh.close();
      }
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
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true }).catch(() => undefined);
  }
}
