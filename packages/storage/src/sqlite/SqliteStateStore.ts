import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type CycleReport,
  type Decision,
  DecisionSchema,
  type Fill,
  InvalidArgumentError,
  type Order,
  type OrderIntent,
  parseWith,
} from '@sextant/core';
import Database from 'better-sqlite3';
import { Decimal } from 'decimal.js';
import type {
  DurableStateStore,
  HistoryQuery,
  LedgerEntry,
  ModelMetricPoint,
  ModelRecord,
  OrderRecord,
  OrderStatusChange,
  PositionRecord,
} from './DurableStateStore.type.js';
import {
  type SqliteStateStoreConfig,
  type SqliteStateStoreConfigInput,
  SqliteStateStoreConfigSchema,
} from './SqliteStateStoreConfig.js';
import { backupDatabase, backupName, pruneBackups } from './backupDatabase.js';
import { mapSqliteError } from './mapSqliteError.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';
import { type OrderRow, cycleFromRow, decisionFromRow, fillFromRow, modelFromRow, orderFromRow } from './sqliteRows.js';

/** Options of a {@link SqliteStateStore} that are not configuration. */
export interface SqliteStateStoreOptions {
  /** Clock for `updatedAt` of core `StateStore` calls (which carry no time). @default Date.now */
  now?: () => number;
}

const OPEN_STATUSES = ['pending', 'open', 'partially_filled', 'unknown'];

/**
 * The bot's durable state in one SQLite file (better-sqlite3, WAL mode,
 * versioned migrations): order journal with status history, fills,
 * positions, an exact-decimal ledger, decisions, cycle reports, a key-value
 * table and the model registry with metric history. Implements core's
 * `StateStore` and the richer {@link DurableStateStore}. Multi-row changes
 * run in one transaction; a crash mid-transaction leaves none of it.
 *
 * @example
 * ```ts
 * import { SqliteStateStore } from '@sextant/storage/sqlite';
 * const state = new SqliteStateStore({ path: '.sextant/state.db' });
 * state.recordIntent('c-1', intent, Date.now());
 * const toReconcile = state.openOrders();
 * await state.backup('.sextant/backups/state.db');
 * state.close();
 * ```
 */
export class SqliteStateStore implements DurableStateStore {
  /** The resolved, frozen configuration. */
  readonly config: Readonly<SqliteStateStoreConfig>;
  #db: Database.Database;
  #now: () => number;

  /**
   * Open (or create) the database and bring its schema up to date.
   *
   * @param config - `path` (required), `busyTimeoutMs` (default 5000)
   * @param options - `now` clock (default `Date.now`)
   * @throws ConfigError on a bad config
   * @throws StorageCorruptError naming the file when it is not a SQLite database
   * @throws StorageIOError naming the file when it cannot be opened or is locked
   */
  constructor(config: SqliteStateStoreConfigInput, options: SqliteStateStoreOptions = {}) {
    this.config = parseWith(SqliteStateStoreConfigSchema, config, 'SqliteStateStore');
    this.#now = options.now ?? Date.now;
    const { path, busyTimeoutMs } = this.config;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.#db = new Database(path, { timeout: busyTimeoutMs });
    } catch (e) {
      throw mapSqliteError(path, e);
    }
    try {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('foreign_keys = ON');
      this.#migrate();
    } catch (e) {
      this.#db.close();
      throw mapSqliteError(path, e);
    }
  }

  /** Schema version of the open database (`PRAGMA user_version`). */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  #migrate(): void {
    const current = this.schemaVersion;
    for (const m of SQLITE_MIGRATIONS) {
      if (m.version <= current) continue;
      this.#db.transaction(() => {
        this.#db.exec(m.sql);
        this.#db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  /** Run `fn` mapping SQLite errors to typed errors naming the file. */
  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw mapSqliteError(this.config.path, e);
    }
  }

  /**
   * Run `fn` in one transaction: all its writes commit together or not at
   * all. Nested calls become savepoints.
   *
   * @param fn - the writes
   * @returns what `fn` returns
   * @throws whatever `fn` throws (after rolling back), SQLite errors as typed errors
   */
  transaction<T>(fn: () => T): T {
    return this.#guard(() => this.#db.transaction(fn)());
  }

  /**
   * Record a decision (validated against core's `DecisionSchema`).
   *
   * @param decision - the decision
   * @throws InvalidArgumentError when the decision is malformed
   */
  recordDecision(decision: Decision): void {
    const parsed = DecisionSchema.safeParse(decision);
    if (!parsed.success) {
      throw new InvalidArgumentError(
        `Invalid decision ${JSON.stringify(decision)}: ${parsed.error.issues[0]?.message}`,
      );
    }
    const d = parsed.data;
    this.#guard(() =>
      this.#db
        .prepare(
          'INSERT INTO decisions (symbol, timestamp, action, confidence, predictions_json, reasons_json) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(d.symbol, d.timestamp, d.action, d.confidence, JSON.stringify(d.predictions), JSON.stringify(d.reasons)),
    );
  }

  /**
   * Record a finished runner cycle.
   *
   * @param cycle - the cycle report
   * @throws InvalidArgumentError when the timestamp or equity is not finite
   */
  recordCycle(cycle: CycleReport): void {
    finite(cycle.timestamp, 'cycle timestamp');
    finite(cycle.equity, 'cycle equity');
    this.#guard(() =>
      this.#db
        .prepare(
          'INSERT INTO cycles (symbol, timestamp, ok, failed_stage, timings_json, equity) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          cycle.symbol,
          cycle.timestamp,
          cycle.ok ? 1 : 0,
          cycle.failedStage ?? null,
          JSON.stringify(cycle.timings),
          cycle.equity,
        ),
    );
  }

  /**
   * Journal an intent before the order is sent: a `pending` order row keyed
   * by the client order id, so a restart can reconcile it.
   *
   * @param clientOrderId - the locally made id
   * @param intent - what the bot wants to do
   * @param at - time, ms UTC
   * @throws InvalidArgumentError when the id is already journaled
   */
  recordIntent(clientOrderId: string, intent: OrderIntent, at: number): void {
    nonEmpty(clientOrderId, 'client order id');
    this.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO orders (client_order_id, order_id, symbol, side, type, amount, price, status, filled, timestamp, reason, reduce_only, intent_json, updated_at)
           VALUES (?, NULL, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?)`,
        )
        .run(
          clientOrderId,
          intent.symbol,
          intent.side,
          intent.type,
          intent.amount ?? null,
          intent.price ?? null,
          at,
          intent.reason,
          intent.reduceOnly ? 1 : 0,
          JSON.stringify(intent),
          at,
        );
      this.#history(clientOrderId, 'pending', 0, at);
    });
  }

  /**
   * Insert or update an order by client order id; a change of status or
   * filled amount is appended to its status history (one transaction).
   *
   * @param order - the order as the broker reports it
   * @throws InvalidArgumentError on non-finite amounts or a bad side/type
   */
  recordOrder(order: Order): void {
    nonEmpty(order.clientOrderId, 'client order id');
    finite(order.amount, 'order amount');
    finite(order.filled, 'order filled');
    const at = this.#now();
    this.transaction(() => {
      const prev = this.#db
        .prepare('SELECT status, filled FROM orders WHERE client_order_id = ?')
        .get(order.clientOrderId) as { status: string; filled: number } | undefined;
      this.#db
        .prepare(
          `INSERT INTO orders (client_order_id, order_id, symbol, side, type, amount, price, status, filled, timestamp, reason, reduce_only, intent_json, updated_at)
           VALUES (@clientOrderId, @id, @symbol, @side, @type, @amount, @price, @status, @filled, @timestamp, @reason, @reduceOnly, NULL, @at)
           ON CONFLICT (client_order_id) DO UPDATE SET order_id = excluded.order_id, amount = excluded.amount, price = excluded.price,
             status = excluded.status, filled = excluded.filled, updated_at = excluded.updated_at`,
        )
        .run({ ...order, price: order.price ?? null, reduceOnly: order.reduceOnly ? 1 : 0, at });
      if (prev?.status !== order.status || prev.filled !== order.filled)
        this.#history(order.clientOrderId, order.status, order.filled, at);
    });
  }

  #history(clientOrderId: string, status: string, filled: number, at: number): void {
    this.#db
      .prepare('INSERT INTO order_status_history (client_order_id, status, filled, at) VALUES (?, ?, ?, ?)')
      .run(clientOrderId, status, filled, at);
  }

  /**
   * Record one fill.
   *
   * @param fill - the execution
   * @throws InvalidArgumentError on a non-positive amount/price, a negative fee or a bad side
   */
  recordFill(fill: Fill): void {
    if (!(fill.amount > 0) || !(fill.price > 0) || !(fill.fee >= 0)) {
      throw new InvalidArgumentError(
        `Invalid fill: amount ${fill.amount}, price ${fill.price}, fee ${fill.fee} (need amount > 0, price > 0, fee >= 0)`,
      );
    }
    this.#guard(() =>
      this.#db
        .prepare(
          `INSERT INTO fills (order_id, client_order_id, symbol, side, amount, price, fee, fee_currency, timestamp, reason)
           VALUES (@orderId, @clientOrderId, @symbol, @side, @amount, @price, @fee, @feeCurrency, @timestamp, @reason)`,
        )
        .run(fill),
    );
  }

  /** {@inheritDoc DurableStateStore.getOrder} */
  getOrder(clientOrderId: string): OrderRecord | undefined {
    const row = this.#guard(() =>
      this.#db.prepare('SELECT * FROM orders WHERE client_order_id = ?').get(clientOrderId),
    ) as OrderRow | undefined;
    return row === undefined ? undefined : orderFromRow(row);
  }

  /** {@inheritDoc DurableStateStore.openOrders} */
  openOrders(): OrderRecord[] {
    const marks = OPEN_STATUSES.map(() => '?').join(', ');
    const rows = this.#guard(() =>
      this.#db
        .prepare(`SELECT * FROM orders WHERE status IN (${marks}) ORDER BY timestamp, client_order_id`)
        .all(...OPEN_STATUSES),
    ) as OrderRow[];
    return rows.map(orderFromRow);
  }

  /** {@inheritDoc DurableStateStore.orderHistory} */
  orderHistory(clientOrderId: string): OrderStatusChange[] {
    return this.#guard(() =>
      this.#db
        .prepare('SELECT status, filled, at FROM order_status_history WHERE client_order_id = ? ORDER BY id')
        .all(clientOrderId),
    ) as OrderStatusChange[];
  }

  /** {@inheritDoc DurableStateStore.listFills} */
  listFills(clientOrderId?: string): Fill[] {
    const rows = this.#guard(() =>
      clientOrderId === undefined
        ? this.#db.prepare('SELECT * FROM fills ORDER BY timestamp, id').all()
        : this.#db.prepare('SELECT * FROM fills WHERE client_order_id = ? ORDER BY timestamp, id').all(clientOrderId),
    ) as Record<string, unknown>[];
    return rows.map(fillFromRow);
  }

  /** {@inheritDoc DurableStateStore.setPosition} */
  setPosition(position: Omit<PositionRecord, 'updatedAt'>, at: number): void {
    const amount = exact(position.amount, 'position amount');
    const entry = exact(position.entryPrice, 'position entry price');
    this.#guard(() => {
      if (amount.isZero()) this.#db.prepare('DELETE FROM positions WHERE symbol = ?').run(position.symbol);
      else
        this.#db
          .prepare(
            `INSERT INTO positions (symbol, amount, entry_price, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (symbol) DO UPDATE SET amount = excluded.amount, entry_price = excluded.entry_price, updated_at = excluded.updated_at`,
          )
          .run(position.symbol, amount.toString(), entry.toString(), at);
    });
  }

  /** {@inheritDoc DurableStateStore.listPositions} */
  listPositions(): PositionRecord[] {
    return this.#guard(() =>
      this.#db
        .prepare(
          'SELECT symbol, amount, entry_price AS entryPrice, updated_at AS updatedAt FROM positions ORDER BY symbol',
        )
        .all(),
    ) as PositionRecord[];
  }

  /** {@inheritDoc DurableStateStore.appendLedger} */
  appendLedger(entries: readonly LedgerEntry[]): void {
    const checked = entries.map((e) => ({
      ...e,
      amount: exact(e.amount, 'ledger amount').toString(),
      ref: e.ref ?? null,
    }));
    this.transaction(() => {
      const insert = this.#db.prepare(
        'INSERT INTO ledger_entries (timestamp, currency, amount, kind, ref) VALUES (@timestamp, @currency, @amount, @kind, @ref)',
      );
      for (const e of checked) insert.run(e);
    });
  }

  /** {@inheritDoc DurableStateStore.ledgerBalance} */
  ledgerBalance(currency: string): string {
    const rows = this.#guard(() =>
      this.#db.prepare('SELECT amount FROM ledger_entries WHERE currency = ?').pluck().all(currency),
    ) as string[];
    return rows.reduce((sum, a) => sum.plus(a), new Decimal(0)).toString();
  }

  /** Ledger entries of one currency (or all), oldest first. */
  listLedger(currency?: string): LedgerEntry[] {
    const sql = `SELECT timestamp, currency, amount, kind, ref FROM ledger_entries ${currency === undefined ? '' : 'WHERE currency = ?'} ORDER BY id`;
    const rows = this.#guard(() =>
      currency === undefined ? this.#db.prepare(sql).all() : this.#db.prepare(sql).all(currency),
    ) as (LedgerEntry & { ref: string | null })[];
    return rows.map(({ ref, ...e }) => (ref === null ? e : { ...e, ref }));
  }

  /** {@inheritDoc DurableStateStore.listDecisions} */
  listDecisions(query: HistoryQuery = {}): Decision[] {
    return this.#historyQuery('decisions', query).map(decisionFromRow);
  }

  /** {@inheritDoc DurableStateStore.listCycles} */
  listCycles(query: HistoryQuery = {}): CycleReport[] {
    return this.#historyQuery('cycles', query).map(cycleFromRow);
  }

  #historyQuery(table: 'decisions' | 'cycles', q: HistoryQuery): Record<string, unknown>[] {
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
    const sql = `SELECT * FROM (SELECT * FROM ${table} ${filter} ORDER BY timestamp DESC, id DESC ${limit}) ORDER BY timestamp, id`;
    return this.#guard(() => this.#db.prepare(sql).all(...args)) as Record<string, unknown>[];
  }

  /** {@inheritDoc DurableStateStore.getValue} */
  getValue<T = unknown>(key: string): T | undefined {
    const v = this.#guard(() => this.#db.prepare('SELECT value_json FROM kv WHERE key = ?').pluck().get(key)) as
      | string
      | undefined;
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  /** {@inheritDoc DurableStateStore.setValue} */
  setValue(key: string, value: unknown, at: number): void {
    nonEmpty(key, 'key');
    const json = JSON.stringify(value);
    if (json === undefined) throw new InvalidArgumentError(`Value for key "${key}" is not JSON-serialisable`);
    this.#guard(() =>
      this.#db
        .prepare(
          'INSERT INTO kv (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
        )
        .run(key, json, at),
    );
  }

  /** {@inheritDoc DurableStateStore.registerModel} */
  registerModel(model: ModelRecord): void {
    nonEmpty(model.name, 'model name');
    nonEmpty(model.version, 'model version');
    this.#guard(() =>
      this.#db
        .prepare(
          'INSERT INTO models (name, version, created_at, path, feature_hash, params_json) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          model.name,
          model.version,
          model.createdAt,
          model.path ?? null,
          model.featureHash ?? null,
          JSON.stringify(model.params),
        ),
    );
  }

  /** {@inheritDoc DurableStateStore.recordModelMetrics} */
  recordModelMetrics(name: string, version: string, metrics: Readonly<Record<string, number>>, at: number): void {
    for (const [k, v] of Object.entries(metrics)) finite(v, `metric "${k}"`);
    this.transaction(() => {
      const id = this.#db.prepare('SELECT id FROM models WHERE name = ? AND version = ?').pluck().get(name, version) as
        | number
        | undefined;
      if (id === undefined) throw new InvalidArgumentError(`Model "${name}" version "${version}" is not registered`);
      const insert = this.#db.prepare('INSERT INTO model_metrics (model_id, at, name, value) VALUES (?, ?, ?, ?)');
      for (const [k, v] of Object.entries(metrics)) insert.run(id, at, k, v);
    });
  }

  /** {@inheritDoc DurableStateStore.listModels} */
  listModels(name?: string): ModelRecord[] {
    const rows = this.#guard(() =>
      name === undefined
        ? this.#db.prepare('SELECT * FROM models ORDER BY created_at, id').all()
        : this.#db.prepare('SELECT * FROM models WHERE name = ? ORDER BY created_at, id').all(name),
    ) as Record<string, unknown>[];
    return rows.map(modelFromRow);
  }

  /** {@inheritDoc DurableStateStore.modelMetrics} */
  modelMetrics(name: string, version: string): ModelMetricPoint[] {
    return this.#guard(() =>
      this.#db
        .prepare(
          'SELECT mm.name, mm.value, mm.at FROM model_metrics mm JOIN models m ON m.id = mm.model_id WHERE m.name = ? AND m.version = ? ORDER BY mm.at, mm.id',
        )
        .all(name, version),
    ) as ModelMetricPoint[];
  }

  /**
   * Delete decisions and cycle reports older than `before` (history
   * retention); orders, fills, ledger and models are kept.
   *
   * @param before - cut-off, ms UTC (exclusive)
   * @returns rows deleted per table
   */
  pruneHistory(before: number): { decisions: number; cycles: number } {
    return this.transaction(() => ({
      decisions: this.#db.prepare('DELETE FROM decisions WHERE timestamp < ?').run(before).changes,
      cycles: this.#db.prepare('DELETE FROM cycles WHERE timestamp < ?').run(before).changes,
    }));
  }

  /**
   * Copy the live database to `toPath` with SQLite's online backup API
   * (consistent while writes go on), via a temp file, fsync and rename.
   *
   * @param toPath - destination file (its directory is created)
   * @returns the destination path and its size in bytes
   * @throws StorageIOError naming the destination when it cannot be written
   */
  backup(toPath: string): Promise<{ path: string; bytes: number }> {
    return backupDatabase(this.#db, this.config.path, toPath);
  }

  /**
   * Back up into `dir` as `state-<UTC time>.db`, then apply the retention
   * policy: keep only the newest `keep` backups there.
   *
   * @param dir - backup directory (created)
   * @param options - `keep`: how many backups to retain (default 7)
   * @returns the new backup and the backups deleted
   * @throws StorageIOError when the backup cannot be written or old ones removed
   */
  async backupWithRetention(
    dir: string,
    options: { keep?: number } = {},
  ): Promise<{ path: string; bytes: number; deleted: string[] }> {
    const made = await this.backup(join(dir, backupName(this.#now())));
    const deleted = await pruneBackups(dir, { keep: options.keep ?? 7 });
    return { ...made, deleted };
  }

  /** Check the file's integrity (`PRAGMA integrity_check`); `'ok'` when sound. */
  integrityCheck(): string {
    return this.#guard(() => this.#db.pragma('integrity_check', { simple: true }) as string);
  }

  /** Close the database. Further calls throw. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

function finite(v: number, what: string): void {
  if (!Number.isFinite(v)) throw new InvalidArgumentError(`${what} must be a finite number, got ${v}`);
}

function nonEmpty(v: string, what: string): void {
  if (typeof v !== 'string' || v.length === 0)
    throw new InvalidArgumentError(`${what} must be a non-empty string, got ${JSON.stringify(v)}`);
}

function exact(v: string, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(v);
  } catch (e) {
    throw new InvalidArgumentError(`${what} must be a decimal string, got ${JSON.stringify(v)}`, { cause: e });
  }
  if (!d.isFinite()) throw new InvalidArgumentError(`${what} must be finite, got ${JSON.stringify(v)}`);
  return d;
}
