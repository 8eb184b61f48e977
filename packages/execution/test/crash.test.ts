import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '@sextant/core';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../src/index.js';
import { CRASH_CANDLES } from './support/crashBot.js';

const BOT = join(import.meta.dirname, 'support', 'crashBot.ts');
const dir = mkdtempSync(join(tmpdir(), 'sextant-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Start the crash bot on `db`; with `killAt`, SIGKILL it as soon as it reports
 * that cycle (it is then somewhere in the next one). Resolves once it exits.
 */
function runBot(db: string, killAt?: (cyclesDone: number) => number): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--conditions=@sextant/source', '--import', 'tsx', BOT, db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let target = Number.POSITIVE_INFINITY;
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (target === Number.POSITIVE_INFINITY && killAt !== undefined) {
        const ready = /ready (\d+)/.exec(out);
        if (ready) target = killAt(Number(ready[1]));
      }
      const last = /c (\d+)\n(?![\s\S]*c \d+\n)/.exec(out);
      if (last && Number(last[1]) >= target) child.kill('SIGKILL');
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const lines = out.trim().split('\n');
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`crash bot exited ${code}: ${err}`));
      else resolve({ lines, killed: signal === 'SIGKILL' });
    });
  });
}

/** Everything that must match between runs, read back from the database. */
function snapshot(db: string) {
  const store = new SqliteStateStore({ path: db });
  try {
    const fills = store.listFills();
    const cycles = store.listCycles();
    // A candle replayed after a crash records its decision again: the store keeps one per market and candle.
    const decisions = store.listDecisions().map((d) => [d.symbol, d.timestamp, d.action, d.confidence]);
    const orders = fills
      .map((f) => f.clientOrderId)
      .concat(store.openOrders().map((o) => o.clientOrderId))
      .filter((id, i, a) => a.indexOf(id) === i)
      .map((id) => store.getOrder(id));
    const ledger = Ledger.fromFills({ startingCash: 1, quoteCurrency: 'BTC' }, fills);
    return {
      decisions,
      orders: orders.map(
        (o) => o && { id: o.clientOrderId, side: o.side, amount: o.amount, status: o.status, filled: o.filled },
      ),
      fills: fills.map(({ clientOrderId, side, amount, price, fee, timestamp }) => ({
        clientOrderId,
        side,
        amount,
        price,
        fee,
        timestamp,
      })),
      cycles: cycles.map((c) => `${c.symbol}@${c.timestamp}`),
      cash: ledger.cash.toString(),
      positions: ledger.positions().map((p) => [p.symbol, p.amount.toString(), p.cost.toString()]),
    };
  } finally {
    store.close();
  }
}

describe('SIGKILL crash test: paper bot on replayed candles with SQLite state', () => {
  it('killed at random points and restarted 20 times, ends in the same state as an uninterrupted run, with no duplicate order', async () => {
    const reference = join(dir, 'reference.db');
    const clean = await runBot(reference);
    expect(clean.killed).toBe(false);
    expect(clean.lines.at(-1)).toBe('done');
    const expected = snapshot(reference);
    expect(expected.cycles).toHaveLength(2 * CRASH_CANDLES);
    expect(expected.orders.length).toBeGreaterThan(20);

    const db = join(dir, 'crashed.db');
    const rnd = seededRandom(20_260_121);
    const total = 2 * CRASH_CANDLES;
    let kills = 0;
    const resumedFrom: number[] = [];
    for (let i = 0; i < 20; i++) {
      // Kill after a random cycle of what is left (the bot resumes where the last run stopped).
      const r = await runBot(db, (done) => done + 1 + Math.floor(rnd() * Math.max(1, (total - done) / 4)));
      resumedFrom.push(Number(r.lines[0]?.split(' ')[1]));
      if (r.killed) kills++;
    }
    const last = await runBot(db);
    expect(last.lines.at(-1)).toBe('done');
    expect(kills).toBeGreaterThanOrEqual(18);
    // Each run got further than the one before it, so the kills landed all over the replay.
    expect(new Set(resumedFrom).size).toBeGreaterThanOrEqual(18);

    const actual = snapshot(db);
    expect(actual.cycles).toEqual(expected.cycles);
    expect(actual.decisions).toEqual(expected.decisions);
    expect(actual.fills).toEqual(expected.fills);
    expect(actual.orders).toEqual(expected.orders);
    expect(actual.cash).toBe(expected.cash);
    expect(actual.positions).toEqual(expected.positions);
    // No duplicate order: one fill set per order, never more than ordered.
    const perOrder = new Map<string, number>();
    for (const f of actual.fills) perOrder.set(f.clientOrderId, (perOrder.get(f.clientOrderId) ?? 0) + f.amount);
    for (const o of actual.orders) expect(perOrder.get(o?.id ?? '') ?? 0).toBeLessThanOrEqual((o?.amount ?? 0) + 1e-12);
  }, 240_000);
});
