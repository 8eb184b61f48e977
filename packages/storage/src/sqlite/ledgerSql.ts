import type Database from 'better-sqlite3';
import { Decimal } from 'decimal.js';
import type { LedgerEntry, PositionRecord } from './DurableStateStore.type.js';
import { exact } from './checkValues.js';

type Db = Database.Database;

/**
 * Set a position (exact decimals), deleting it when the amount is zero.
 *
 * @internal
 */
export function upsertPosition(db: Db, position: Omit<PositionRecord, 'updatedAt'>, at: number): void {
  const amount = exact(position.amount, 'position amount');
  const entry = exact(position.entryPrice, 'position entry price');
  if (amount.isZero()) {
    db.prepare('DELETE FROM positions WHERE symbol = ?').run(position.symbol);
    return;
  }
  db.prepare(
    `INSERT INTO positions (symbol, amount, entry_price, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (symbol) DO UPDATE SET amount = excluded.amount, entry_price = excluded.entry_price, updated_at = excluded.updated_at`,
  ).run(position.symbol, amount.toString(), entry.toString(), at);
}

/** @internal */
export function selectPositions(db: Db): PositionRecord[] {
  return db
    .prepare('SELECT symbol, amount, entry_price AS entryPrice, updated_at AS updatedAt FROM positions ORDER BY symbol')
    .all() as PositionRecord[];
}

/**
 * Check every entry, then insert them all. Call inside a transaction.
 *
 * @internal
 */
export function insertLedger(db: Db, entries: readonly LedgerEntry[]): void {
  const checked = entries.map((e) => ({
    ...e,
    amount: exact(e.amount, 'ledger amount').toString(),
    ref: e.ref ?? null,
  }));
  const insert = db.prepare(
    'INSERT INTO ledger_entries (timestamp, currency, amount, kind, ref) VALUES (@timestamp, @currency, @amount, @kind, @ref)',
  );
  for (const e of checked) insert.run(e);
}

/** Exact sum of one currency's entries (decimal.js, never floats). @internal */
export function selectBalance(db: Db, currency: string): string {
  const rows = db.prepare('SELECT amount FROM ledger_entries WHERE currency = ?').pluck().all(currency) as string[];
  return rows.reduce((sum, a) => sum.plus(a), new Decimal(0)).toString();
}

/** @internal */
export function selectLedger(db: Db, currency?: string): LedgerEntry[] {
  const where = currency === undefined ? '' : 'WHERE currency = ?';
  const stmt = db.prepare(`SELECT timestamp, currency, amount, kind, ref FROM ledger_entries ${where} ORDER BY id`);
  const rows = (currency === undefined ? stmt.all() : stmt.all(currency)) as (LedgerEntry & { ref: string | null })[];
  return rows.map(({ ref, ...e }) => (ref === null ? e : { ...e, ref }));
}
