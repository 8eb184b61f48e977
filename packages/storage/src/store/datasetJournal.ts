import { randomBytes } from 'node:crypto';
import { readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { TEMP_SUFFIX, atomicWriteFile, ioError, syncDir } from '../fs/atomicWriteFile.js';
import { JOURNAL_PREFIX } from './datasetLayout.js';

/** One staged file: a fsynced temp file and the path it replaces. */
export interface StagedFile {
  /** The temporary file, already written and fsynced. */
  tmp: string;
  /** The final path. */
  final: string;
}

interface Journal {
  renames: { tmp: string; final: string }[];
}

/**
 * Move staged files into place as one commit. One file: a plain atomic
 * rename. Several: a journal listing the renames is written atomically first
 * (the commit point), then the renames are done and the journal removed. A
 * crash before the journal exists leaves the old data (stray temp files are
 * cleaned by the next writer); after, recovery rolls the renames forward.
 *
 * @internal
 */
export async function commitStaged(dir: string, staged: readonly StagedFile[]): Promise<void> {
  if (staged.length === 0) return;
  if (staged.length === 1) {
    const [only] = staged as [StagedFile];
    await renameInto(only);
    return;
  }
  const journal: Journal = {
    renames: staged.map((s) => ({ tmp: relative(dir, s.tmp), final: relative(dir, s.final) })),
  };
  const journalPath = join(dir, `${JOURNAL_PREFIX}${randomBytes(6).toString('hex')}.json`);
  await atomicWriteFile(journalPath, new TextEncoder().encode(JSON.stringify(journal)));
  await rollForward(dir, journalPath, journal);
}

async function renameInto({ tmp, final }: StagedFile): Promise<void> {
  try {
    await rename(tmp, final);
    await syncDir(dirname(final));
  } catch (e) {
    throw ioError(final, 'cannot move new data into place', e);
  }
}

async function rollForward(dir: string, journalPath: string, journal: Journal): Promise<void> {
  // The journal is the commit point, so the renames (each into its own month
  // directory) are independent: they and their directory fsyncs run together.
  await Promise.all(
    journal.renames.map(async (r) => {
      const tmp = join(dir, r.tmp);
      const final = join(dir, r.final);
      const exists = await stat(tmp).then(
        () => true,
        () => false,
      );
      if (!exists) return;
      try {
        await renameInto({ tmp, final });
      } catch (e) {
        // Another process finishing the same journal may have moved it first.
        if ((e as { cause?: { code?: string } }).cause?.code !== 'ENOENT') throw e;
      }
    }),
  );
  try {
    await rm(journalPath, { force: true });
    await syncDir(dir);
  } catch (e) {
    throw ioError(journalPath, 'cannot remove commit journal', e);
  }
}

/**
 * Finish or undo interrupted writes in a dataset directory: committed
 * journals are rolled forward; with `cleanTemps`, temp files that no journal
 * claims are deleted (only the writer may do that).
 *
 * @internal
 */
export async function recoverDataset(dir: string, options: { cleanTemps: boolean }): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw ioError(dir, 'cannot list dataset', e);
  }
  for (const name of entries) {
    if (!name.startsWith(JOURNAL_PREFIX) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    let journal: Journal;
    try {
      journal = JSON.parse(await readFile(path, 'utf8')) as Journal;
      if (!Array.isArray(journal.renames)) throw new Error('no "renames" list');
    } catch (e) {
      throw new StorageCorruptError(path, `unreadable commit journal (${(e as Error).message})`, { cause: e });
    }
    await rollForward(dir, path, journal);
  }
  if (!options.cleanTemps) return;
  const months = entries.filter((n) => n.startsWith('month='));
  for (const sub of ['', ...months]) {
    const d = join(dir, sub);
    const names = await readdir(d).catch(() => [] as string[]);
    for (const n of names) {
      if (n.startsWith('.') && n.endsWith(TEMP_SUFFIX)) await rm(join(d, n), { force: true });
    }
  }
}
