import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSextantError } from '@sextant/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStateStore, pruneBackups } from '../src/sqlite.js';
import { describeStateStoreContract } from './stateStoreContract.js';

let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-sqlite-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const freshPath = (): string => join(root, `state-${n++}`, 'state.db');

describeStateStoreContract('SqliteStateStore', {
  create: async () => new SqliteStateStore({ path: freshPath() }),
  reopen: async (store) => {
    const path = (store as SqliteStateStore).config.path;
    await store.close();
    return new SqliteStateStore({ path });
  },
});

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CRASHER = fileURLToPath(new URL('sqliteCrasher.ts', import.meta.url));

describe('SqliteStateStore on disk', () => {
  it('uses WAL mode and the latest schema version', () => {
    const s = new SqliteStateStore({ path: freshPath() });
    expect(s.schemaVersion).toBe(2);
    const db = new Database(s.config.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    s.close();
  });

  it('migrates a version-1 database: fills gain trade ids, duplicate decisions of a candle collapse to the last', () => {
    const path = freshPath();
    const v1 = new SqliteStateStore({ path });
    v1.close();
    // Rewind to schema 1 as an older release left it, with a candle's decision recorded twice.
    const db = new Database(path);
    db.exec('DROP INDEX fills_trade; DROP INDEX decisions_candle; ALTER TABLE fills DROP COLUMN trade_id');
    db.pragma('user_version = 1');
    const insert = db.prepare(
      'INSERT INTO decisions (symbol, timestamp, action, confidence, predictions_json, reasons_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('ETH/BTC', 1_000, 'BUY', 0.7, '{}', '["first"]');
    insert.run('ETH/BTC', 1_000, 'BUY', 0.7, '{}', '["replayed"]');
    insert.run('ETH/BTC', 2_000, 'HOLD', 0.5, '{}', '[]');
    db.close();
    const s = new SqliteStateStore({ path });
    expect(s.schemaVersion).toBe(2);
    expect(s.listDecisions().map((d) => [d.timestamp, d.reasons])).toEqual([
      [1_000, ['replayed']],
      [2_000, []],
    ]);
    const f = {
      orderId: '1',
      clientOrderId: 'c',
      symbol: 'ETH/BTC',
      side: 'buy' as const,
      amount: 1,
      price: 0.05,
      fee: 0,
      feeCurrency: 'BTC',
      timestamp: 3_000,
      reason: 'entry',
      tradeId: '42',
    };
    s.recordFill(f);
    s.recordFill(f);
    expect(s.listFills()).toEqual([f]);
    s.close();
  });

  it('reopens cleanly after a SIGKILL in the middle of a transaction: none of it is kept', async () => {
    const path = freshPath();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--conditions=@sextant/source', '--import', 'tsx', CRASHER, path], {
        cwd: REPO,
        stdio: 'inherit',
      });
      child.on('exit', (c, signal) => resolve(signal === 'SIGKILL' ? -9 : c));
    });
    expect(code).toBe(-9);
    const s = new SqliteStateStore({ path });
    expect(s.integrityCheck()).toBe('ok');
    // Committed before the crash:
    expect(s.ledgerBalance('BTC')).toBe('1.5');
    expect(s.getOrder('committed')?.status).toBe('open');
    // Written inside the transaction that was killed: gone.
    expect(s.getOrder('in-flight')).toBeUndefined();
    expect(s.listLedger('ETH')).toEqual([]);
    s.recordIntent(
      'after',
      { symbol: 'ETH/BTC', side: 'sell', type: 'market', amount: 1, reduceOnly: true, reason: 'exit' },
      1,
    );
    expect(
      s
        .openOrders()
        .map((o) => o.clientOrderId)
        .sort(),
    ).toEqual(['after', 'committed']);
    s.close();
  }, 30_000);

  it('a locked database gives a retryable STORAGE_IO error naming the file', () => {
    const path = freshPath();
    const s = new SqliteStateStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    const e = (() => {
      try {
        s.setValue('k', 1, 0);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    other.exec('ROLLBACK');
    other.close();
    expect(isSextantError(e, 'STORAGE_IO')).toBe(true);
    expect((e as { retryable: boolean }).retryable).toBe(true);
    expect((e as Error).message).toContain(path);
    expect((e as Error).message).toContain('locked');
    s.setValue('k', 1, 0);
    expect(s.getValue('k')).toBe(1);
    s.close();
  });

  it('a corrupt database file gives STORAGE_CORRUPT naming the file', async () => {
    const path = join(root, 'corrupt.db');
    await writeFile(path, Buffer.alloc(8192, 0x41));
    const e = (() => {
      try {
        new SqliteStateStore({ path });
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(isSextantError(e, 'STORAGE_CORRUPT')).toBe(true);
    expect((e as Error).message).toContain(path);
  });

  it('an unopenable path gives STORAGE_IO naming it', async () => {
    const blocker = join(root, 'blocker');
    await writeFile(blocker, 'x');
    const path = join(blocker, 'state.db');
    expect(() => new SqliteStateStore({ path })).toThrow(
      expect.objectContaining({ code: 'STORAGE_IO', message: expect.stringContaining(blocker) }),
    );
  });

  it('backs up online and applies a keep-N retention policy', async () => {
    let t = Date.UTC(2024, 0, 1);
    const s = new SqliteStateStore({ path: freshPath() }, { now: () => t });
    s.appendLedger([{ timestamp: 0, currency: 'BTC', amount: '2.5', kind: 'deposit' }]);
    const dir = join(root, 'backups');
    for (let i = 0; i < 5; i++) {
      t += 3_600_000;
      s.setValue('i', i, t);
      const made = await s.backupWithRetention(dir, { keep: 3 });
      expect(made.bytes).toBeGreaterThan(0);
    }
    const names = (await readdir(dir)).sort();
    expect(names).toEqual([
      'state-20240101T030000000Z.db',
      'state-20240101T040000000Z.db',
      'state-20240101T050000000Z.db',
    ]);
    const restored = new SqliteStateStore({ path: join(dir, names[2] as string) });
    expect(restored.ledgerBalance('BTC')).toBe('2.5');
    expect(restored.getValue('i')).toBe(4);
    expect(restored.integrityCheck()).toBe('ok');
    restored.close();
    expect(await pruneBackups(dir, { keep: 1 })).toHaveLength(2);
    s.close();
  });

  it('prunes old decisions and cycles (history retention)', () => {
    const s = new SqliteStateStore({ path: ':memory:' });
    for (let i = 0; i < 4; i++) {
      s.recordDecision({
        symbol: 'ETH/BTC',
        timestamp: i * 1000,
        action: 'HOLD',
        confidence: 0,
        predictions: {},
        reasons: [],
      });
      s.recordCycle({ symbol: 'ETH/BTC', timestamp: i * 1000, ok: true, timings: {}, equity: 1 });
    }
    expect(s.pruneHistory(2000)).toEqual({ decisions: 2, cycles: 2 });
    expect(s.listDecisions().map((d) => d.timestamp)).toEqual([2000, 3000]);
    s.close();
  });
});
