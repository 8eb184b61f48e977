import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import { exitCodeFor } from '../errors/exitCodeFor.js';
import { acquireStateLock } from './acquireStateLock.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-lock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('acquireStateLock', () => {
  it('lets one holder in, refuses a second, and frees on release', () => {
    const state = join(dir, 'a', 'state.db');
    const lock = acquireStateLock(state);
    expect(existsSync(`${state}.lock`)).toBe(true);
    const err = (() => {
      try {
        acquireStateLock(state);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isSextantError(err, 'STORAGE_IO')).toBe(true);
    expect((err as Error).message).toContain(`State store "${state}" is locked by process ${process.pid}`);
    expect(exitCodeFor(err)).toBe(EXIT_CODES.LOCKED);
    lock.release();
    lock.release();
    expect(existsSync(`${state}.lock`)).toBe(false);
    acquireStateLock(state).release();
  });

  it('takes over a lock left by a process that has exited', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid as number;
    await new Promise((r) => child.on('exit', r));
    const state = join(dir, 'stale.db');
    await writeFile(`${state}.lock`, JSON.stringify({ pid, startedAt: '2020-01-01T00:00:00.000Z' }));
    const lock = acquireStateLock(state);
    expect(JSON.parse(await readFile(`${state}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
