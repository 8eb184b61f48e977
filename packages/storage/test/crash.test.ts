import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetCandleStore } from '../src/index.js';
import { loadReal } from './fixtures.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WRITER = fileURLToPath(new URL('crashWriter.ts', import.meta.url));
const AT_RENAME = fileURLToPath(new URL('crashAtRename.ts', import.meta.url));
const KEY = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '30m' } as const;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-crash-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Start the writer child, wait until it has begun write number `killAt`
 * (counting from its first), wait `delayMs`, SIGKILL it. Returns the last
 * version committed so far and the one it was writing.
 */
function runAndKill(
  first: number,
  committedBefore: number,
  killAt: number,
  delayMs: number,
): Promise<{ committed: number; writing: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@sextant/source', '--import', 'tsx', WRITER, root, String(first)],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let committed = committedBefore;
    let writing = first - 1;
    let killed = false;
    let buf = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        const [what, n] = line.split(' ');
        if (what === 'committed') committed = Number(n);
        if (what === 'writing') writing = Number(n);
        if (what === 'writing' && Number(n) === first + killAt && !killed) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ committed, writing });
      else reject(new Error(`writer exited without being killed: ${err}`));
    });
  });
}

/** Temp files and journals anywhere under `dir`. */
async function strayFiles(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return all.filter((n) => n.endsWith('.tmp') || n.includes('_txn-'));
}

describe('crash safety: SIGKILL in the middle of writes', () => {
  // Fixed schedule (no randomness): kill points spread over the write phases.
  const schedule = [
    { killAt: 0, delayMs: 0 },
    { killAt: 0, delayMs: 15 },
    { killAt: 1, delayMs: 2 },
    { killAt: 2, delayMs: 6 },
    { killAt: 3, delayMs: 10 },
    { killAt: 2, delayMs: 25 },
  ];

  it('leaves the dataset readable, holding exactly the old or the new version', { timeout: 120_000 }, async () => {
    const base = await loadReal('ETH_BTC-30m.json');
    let first = 1;
    const seen = new Set<string>();
    let interrupted = 0;
    let lastSeen = 0;
    for (const { killAt, delayMs } of schedule) {
      const { committed, writing } = await runAndKill(first, lastSeen, killAt, delayMs);
      const leftovers = await strayFiles(root);
      if (leftovers.length > 0) interrupted++;
      const store = new ParquetCandleStore({ root });
      const back = await store.read(KEY);
      const versions = new Set(back.volume);
      if (back.length === 0) {
        expect(lastSeen, 'data vanished after a crash').toBe(0);
        expect(committed).toBe(0);
        seen.add('old');
      } else {
        expect(back.length).toBe(base.length);
        expect(Array.from(back.timestamp)).toEqual(Array.from(base.timestamp));
        expect(versions.size, `mixed versions ${[...versions].join(',')}`).toBe(1);
        const v = back.volume[0] as number;
        expect([committed, writing]).toContain(v);
        lastSeen = v;
        seen.add(v === writing && v !== committed ? 'new' : 'old');
      }
      first = writing + 1;
    }
    expect(seen.size).toBeGreaterThan(0);
    console.info(`crash test: ${interrupted}/${schedule.length} kills left temp files or a journal behind`);
    // The next write cleans stray temp files, and the dataset holds no journal.
    await new ParquetCandleStore({ root }).write(KEY, await loadReal('ETH_BTC-30m.json'));
    const dir = join(root, 'exchange=binance', 'symbol=ETH_BTC', 'timeframe=30m');
    const names = [...(await readdir(dir)), ...(await readdir(join(dir, 'month=2018-01')))];
    expect(names.filter((n) => n.endsWith('.tmp') || n.startsWith('_txn-'))).toEqual([]);
  });

  // A two-month write renames: the commit journal (the commit point), then
  // each month file. Kill before each step in turn.
  for (const [killAt, expected] of [
    [1, 1], // temp files staged, no journal yet: the old data
    [2, 2], // journal committed, nothing moved: recovery rolls forward to the new data
    [3, 2], // one month moved, one not: recovery finishes the commit
  ] as const) {
    it(`a kill before rename ${killAt} of a two-month commit reads as version ${expected}`, {
      timeout: 60_000,
    }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sextant-crash-at-'));
      try {
        const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--conditions=@sextant/source', '--import', 'tsx', AT_RENAME, dir, String(killAt)],
            {
              cwd: REPO,
              stdio: 'ignore',
            },
          );
          child.on('exit', (_code, sig) => resolve(sig));
        });
        expect(signal).toBe('SIGKILL');
        expect((await strayFiles(dir)).length).toBeGreaterThan(0);
        const back = await new ParquetCandleStore({ root: dir }).read(KEY);
        expect(back.length).toBe((await loadReal('ETH_BTC-30m.json')).length);
        expect([...new Set(back.volume)]).toEqual([expected]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
