import { type Fill, InvalidArgumentError, type Order, type OrderIntent } from '@sextant/core';
import type Database from 'better-sqlite3';
import type { OrderRecord, OrderStatusChange } from './DurableStateStore.type.js';
import { finite, nonEmpty } from './checkValues.js';
import { type OrderRow, fillFromRow, orderFromRow } from './sqliteRows.js';

type Db = Database.Database;

const OPEN_STATUSES = ['pending', 'open', 'partially_filled', 'unknown'];

const INSERT_ORDER = `INSERT INTO orders (client_order_id, order_id, symbol, side, type, amount, price, status, filled,
  timestamp, reason, reduce_only, intent_json, updated_at)
  VALUES (@clientOrderId, @id, @symbol, @side, @type, @amount, @price, @status, @filled, @timestamp, @reason, @reduceOnly, @intent, @at)`;

function appendHistory(db: Db, clientOrderId: string, status: string, filled: number, at: number): void {
  db.prepare('INSERT INTO order_status_history (client_order_id, status, filled, at) VALUES (?, ?, ?, ?)').run(
    clientOrderId,
    status,
    filled,
    at,
  );
}

/**
 * Insert a `pending` order row for an intent, with its first history entry.
 * Call inside a transaction.
 *
 * @internal
 */
export function insertIntent(db: Db, clientOrderId: string, intent: OrderIntent, at: number): void {
  nonEmpty(clientOrderId, 'client order id');
  db.prepare(INSERT_ORDER).run({
    clientOrderId,
    id: null,
    symbol: intent.symbol,
    side: intent.side,
    type: intent.type,
    amount: intent.amount ?? null,
    price: intent.price ?? null,
    status: 'pending',
    filled: 0,
    timestamp: at,
    reason: intent.reason,
    reduceOnly: intent.reduceOnly ? 1 : 0,
    intent: JSON.stringify(intent),
    at,
  });
  appendHistory(db, clientOrderId, 'pending', 0, at);
}

/**
 * Insert or update an order; a change of status or filled amount appends a
 * history entry. Call inside a transaction.
 *
 * @internal
 */
export function upsertOrder(db: Db, order: Order, at: number): void {
  nonEmpty(order.clientOrderId, 'client order id');
  finite(order.amount, 'order amount');
  finite(order.filled, 'order filled');
  const prev = db.prepare('SELECT status, filled FROM orders WHERE client_order_id = ?').get(order.clientOrderId) as
    | { status: string; filled: number }
    | undefined;
  db.prepare(
    `${INSERT_ORDER} ON CONFLICT (client_order_id) DO UPDATE SET order_id = excluded.order_id, amount = excluded.amount,
       price = excluded.price, status = excluded.status, filled = excluded.filled, updated_at = excluded.updated_at`,
  ).run({ ...order, price: order.price ?? null, reduceOnly: order.reduceOnly ? 1 : 0, intent: null, at });
  if (prev?.status !== order.status || prev.filled !== order.filled) {
    appendHistory(db, order.clientOrderId, order.status, order.filled, at);
  }
}

/** @internal */
export function selectOrder(db: Db, clientOrderId: string): OrderRecord | undefined {
  const row = db.prepare('SELECT * FROM orders WHERE client_order_id = ?').get(clientOrderId) as OrderRow | undefined;
  return row === undefined ? undefined : orderFromRow(row);
}

/** @internal */
export function selectOpenOrders(db: Db): OrderRecord[] {
  const marks = OPEN_STATUSES.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT * FROM orders WHERE status IN (${marks}) ORDER BY timestamp, client_order_id`)
    .all(...OPEN_STATUSES) as OrderRow[];
  return rows.map(orderFromRow);
}

/** @internal */
export function selectOrderHistory(db: Db, clientOrderId: string): OrderStatusChange[] {
  return db
    .prepare('SELECT status, filled, at FROM order_status_history WHERE client_order_id = ? ORDER BY id')
    .all(clientOrderId) as OrderStatusChange[];
}

/**
 * Insert a fill; a repeat of an exchange trade id (per market) is ignored.
 * @internal
 */
export function insertFill(db: Db, fill: Fill): void {
  if (!(fill.amount > 0) || !(fill.price > 0) || !(fill.fee >= 0)) {
    throw new InvalidArgumentError(
      `Invalid fill: amount ${fill.amount}, price ${fill.price}, fee ${fill.fee} (need amount > 0, price > 0, fee >= 0)`,
    );
  }
  // A fill with an exchange trade id already recorded for its market is the same execution seen again: kept once.
  db.prepare(
    `INSERT INTO fills (order_id, client_order_id, symbol, side, amount, price, fee, fee_currency, timestamp, reason, trade_id)
     VALUES (@orderId, @clientOrderId, @symbol, @side, @amount, @price, @fee, @feeCurrency, @timestamp, @reason, @tradeId)
     ON CONFLICT (symbol, trade_id) WHERE trade_id IS NOT NULL DO NOTHING`,
  ).run({ ...fill, tradeId: fill.tradeId ?? null });
}

/** @internal */
export function selectFills(db: Db, clientOrderId?: string): Fill[] {
  const rows = (
    clientOrderId === undefined
      ? db.prepare('SELECT * FROM fills ORDER BY timestamp, id').all()
      : db.prepare('SELECT * FROM fills WHERE client_order_id = ? ORDER BY timestamp, id').all(clientOrderId)
  ) as Record<string, unknown>[];
  return rows.map(fillFromRow);
}
