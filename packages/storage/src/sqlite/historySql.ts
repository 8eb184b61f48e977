import { type CycleReport, type Decision, DecisionSchema, InvalidArgumentError } from '@sextant/core';
import type Database from 'better-sqlite3';
import type { HistoryQuery } from './DurableStateStore.type.js';
import { finite } from './checkValues.js';
import { cycleFromRow, decisionFromRow } from './sqliteRows.js';

type Db = Database.Database;

/**
 * Insert a decision, or replace the one recorded for the same market and
 * candle (a candle replayed after a crash is recorded once).
 * @internal
 */
export function insertDecision(db: Db, decision: Decision): void {
  const parsed = DecisionSchema.safeParse(decision);
  if (!parsed.success) {
    throw new InvalidArgumentError(`Invalid decision ${JSON.stringify(decision)}: ${parsed.error.issues[0]?.message}`);
  }
  const d = parsed.data;
  db.prepare(
    `INSERT INTO decisions (symbol, timestamp, action, confidence, predictions_json, reasons_json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (symbol, timestamp) DO UPDATE SET action = excluded.action, confidence = excluded.confidence,
       predictions_json = excluded.predictions_json, reasons_json = excluded.reasons_json`,
  ).run(d.symbol, d.timestamp, d.action, d.confidence, JSON.stringify(d.predictions), JSON.stringify(d.reasons));
}

/** @internal */
export function insertCycle(db: Db, cycle: CycleReport): void {
  finite(cycle.timestamp, 'cycle timestamp');
  finite(cycle.equity, 'cycle equity');
  db.prepare(
    'INSERT INTO cycles (symbol, timestamp, ok, failed_stage, timings_json, equity) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    cycle.symbol,
    cycle.timestamp,
    cycle.ok ? 1 : 0,
    cycle.failedStage ?? null,
    JSON.stringify(cycle.timings),
    cycle.equity,
  );
}

function selectHistory(db: Db, table: 'decisions' | 'cycles', q: HistoryQuery): Record<string, unknown>[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, arg: string | number | undefined): void => {
    if (arg === undefined) return;
    where.push(clause);
    args.push(arg);
  };
  add('symbol = ?', q.symbol);
  add('timestamp >= ?', q.from);
  add('timestamp <= ?', q.to);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const limit = q.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(q.limit))}`;
  // Newest `limit` rows, returned oldest first.
  const sql = `SELECT * FROM (SELECT * FROM ${table} ${filter} ORDER BY timestamp DESC, id DESC ${limit}) ORDER BY timestamp, id`;
  return db.prepare(sql).all(...args) as Record<string, unknown>[];
}

/** @internal */
export function selectDecisions(db: Db, q: HistoryQuery): Decision[] {
  return selectHistory(db, 'decisions', q).map(decisionFromRow);
}

/** @internal */
export function selectCycles(db: Db, q: HistoryQuery): CycleReport[] {
  return selectHistory(db, 'cycles', q).map(cycleFromRow);
}

/** Delete decisions and cycles older than `before`. Call inside a transaction. @internal */
export function deleteHistoryBefore(db: Db, before: number): { decisions: number; cycles: number } {
  return {
    decisions: db.prepare('DELETE FROM decisions WHERE timestamp < ?').run(before).changes,
    cycles: db.prepare('DELETE FROM cycles WHERE timestamp < ?').run(before).changes,
  };
}
