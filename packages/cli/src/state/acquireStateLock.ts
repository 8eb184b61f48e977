import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';

/** A held lock on a state store; release it when the bot stops. */
export interface StateLock {
  /** The lock file, `<state>.lock`. */
  readonly path: string;
  /** Remove the lock file. Safe to call twice. */
  release(): void;
}

interface LockInfo {
  pid: number;
  startedAt: string;
}

/**
 * Take the lock on a state store so two bots never trade from one state. The
 * lock is a file `<statePath>.lock`, created exclusively, holding the owner's
 * pid; a lock left by a process that no longer exists is taken over.
 *
 * @param statePath - the state store file (e.g. `.sextant/state.db`)
 * @returns the held lock
 * @throws CliError (`STORAGE_IO`, exit 5) when a live process holds the lock
 * @example
 * ```ts
 * import { acquireStateLock } from '@sextant/cli';
 * const lock = acquireStateLock('.sextant/state.db');
 * try { await runBot(); } finally { lock.release(); }
 * ```
 */
export function acquireStateLock(statePath: string): StateLock {
  const path = `${statePath}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
      writeFileSync(path, JSON.stringify(info), { flag: 'wx' });
      let held = true;
      return {
        path,
        release() {
          if (!held) return;
          held = false;
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder !== undefined && isAlive(holder.pid)) {
        throw new CliError(
          'STORAGE_IO',
          `State store "${statePath}" is locked by process ${holder.pid} (since ${holder.startedAt}); stop that bot first`,
          { exitCode: EXIT_CODES.LOCKED, details: { lockPath: path, pid: holder.pid } },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new CliError('STORAGE_IO', `Could not take the lock "${path}"`, { exitCode: EXIT_CODES.LOCKED });
}

function readHolder(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, startedAt: String(info.startedAt) } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
