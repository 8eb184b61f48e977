import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CycleReport, type Decision, type Fill, type Order, type OrderIntent, parseWith } from '@sextant/core';
import Database from 'better-sqlite3';
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
import { deleteHistoryBefore, insertCycle, insertDecision, selectCycles, selectDecisions } from './historySql.js';
import { insertLedger, selectBalance, selectLedger, selectPositions, upsertPosition } from './ledgerSql.js';
import { mapSqliteError } from './mapSqliteError.js';
import {
  insertFill,
  insertIntent,
  selectFills,
  selectOpenOrders,
  selectOrder,
  selectOrderHistory,
  upsertOrder,
} from './orderJournalSql.js';
import {
  insertModel,
  insertModelMetrics,
  selectModelMetrics,
  selectModels,
  selectValue,
  upsertValue,
} from './registrySql.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';

/** A backup made by {@link SqliteStateStore.backup}. */
export interface BackupResult {
  /** Where the backup was written. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
  /** Older backups deleted by the retention policy ({@link SqliteStateStore.backupWithRetention} only). */
  deleted?: string[];
}

/** Options of {@link SqliteStateStore.backupWithRetention}. */
export interface BackupRetentionOptions {
  /** How many of the newest backups to keep in the directory. @default 7 */
  keep?: number;
}

/** Rows deleted by {@link SqliteStateStore.pruneHistory}, per table. */
export interface PruneHistoryResult {
  /** Decisions deleted. */
  decisions: number;
  /** Cycle reports deleted. */
  cycles: number;
}

/** Options of a {@link SqliteStateStore} that are not configuration. */
export interface SqliteStateStoreOptions {
  /** Clock for `updatedAt` of core `StateStore` calls (which carry no time) and backup names. @default Date.now */
  now?: () => number;
}

/**
 * The bot's durable state in one SQLite file (better-sqlite3, WAL mode,
 * versioned migrations): order journal with status history, fills,
 * positions, an exact-decimal ledger, decisions, cycle reports, a key-value
 * table and the model registry with metric history. Implements core's
 * `StateStore` and the richer {@link DurableStateStore}. Multi-row changes
 * run in one transaction; a crash mid-transaction leaves none of it.
 * Every method throws typed errors: `INVALID_ARGUMENT` for bad input (quoting
 * it), `STORAGE_IO` (retryable) when locked, `STORAGE_CORRUPT` for a bad file.
 *
 * @example
 * ```ts
 * import { SqliteStateStore } from '@sextant/storage/sqlite';
 * const state = new SqliteStateStore({ path: '.sextant/state.db' });
 * state.recordIntent('c-1', intent, Date.now());
 * const toReconcile = state.openOrders();
 * await state.backupWithRetention('.sextant/backups', { keep: 7 });
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
      for (const m of SQLITE_MIGRATIONS) {
        if (m.version <= this.schemaVersion) continue;
        this.#db.transaction(() => {
          this.#db.exec(m.sql);
          this.#db.pragma(`user_version = ${m.version}`);
        })();
      }
    } catch (e) {
      this.#db.close();
      throw mapSqliteError(path, e);
    }
  }

  /** Schema version of the open database (`PRAGMA user_version`). */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  /** Run `fn` against the database, mapping SQLite errors to typed errors naming the file. */
  #run<T>(fn: (db: Database.Database) => T): T {
    try {
      return fn(this.#db);
    } catch (e) {
      throw mapSqliteError(this.config.path, e);
    }
  }

  /** Run `fn` in one transaction (a savepoint when nested). */
  #tx<T>(fn: (db: Database.Database) => T): T {
    return this.#run((db) => db.transaction(() => fn(db))());
  }

  /**
   * Run `fn` in one transaction: all writes made through this store inside
   * it commit together or not at all. Nested calls become savepoints.
   *
   * @param fn - the writes
   * @returns what `fn` returns
   * @throws whatever `fn` throws (after rolling back); SQLite errors as typed errors
   */
  transaction<T>(fn: () => T): T {
    return this.#tx(() => fn());
  }

  /** {@inheritDoc DurableStateStore.recordIntent} */
  recordIntent(clientOrderId: string, intent: OrderIntent, at: number): void {
    this.#tx((db) => insertIntent(db, clientOrderId, intent, at));
  }

  /**
   * Insert or update an order by client order id; a change of status or
   * filled amount is appended to its status history (one transaction).
   *
   * @param order - the order as the broker reports it
   * @throws InvalidArgumentError on non-finite amounts or a bad side/type
   */
  recordOrder(order: Order): void {
    const at = this.#now();
    this.#tx((db) => upsertOrder(db, order, at));
  }

  /**
   * Record one fill. A fill whose exchange `tradeId` is already recorded for
   * its market is ignored, so a fill seen again after a restart is kept once.
   *
   * @param fill - the execution
   * @throws InvalidArgumentError on a non-positive amount/price, a negative fee or a bad side
   */
  recordFill(fill: Fill): void {
    this.#run((db) => insertFill(db, fill));
  }

  /**
   * Record a decision (validated against core's `DecisionSchema`). One
   * decision is kept per market and candle timestamp: recording it again (a
   * candle replayed after a crash) replaces it instead of adding a second.
   *
   * @param decision - the decision
   * @throws InvalidArgumentError when the decision is malformed
   */
  recordDecision(decision: Decision): void {
    this.#run((db) => insertDecision(db, decision));
  }

  /**
   * Record a finished runner cycle.
   *
   * @param cycle - the cycle report
   * @throws InvalidArgumentError when the timestamp or equity is not finite
   */
  recordCycle(cycle: CycleReport): void {
    this.#run((db) => insertCycle(db, cycle));
  }

  /** {@inheritDoc DurableStateStore.getOrder} */
  getOrder(clientOrderId: string): OrderRecord | undefined {
    return this.#run((db) => selectOrder(db, clientOrderId));
  }

  /** {@inheritDoc DurableStateStore.openOrders} */
  openOrders(): OrderRecord[] {
    return this.#run(selectOpenOrders);
  }

  /** {@inheritDoc DurableStateStore.orderHistory} */
  orderHistory(clientOrderId: string): OrderStatusChange[] {
    return this.#run((db) => selectOrderHistory(db, clientOrderId));
  }

  /** {@inheritDoc DurableStateStore.listFills} */
  listFills(clientOrderId?: string): Fill[] {
    return this.#run((db) => selectFills(db, clientOrderId));
  }

  /** {@inheritDoc DurableStateStore.setPosition} */
  setPosition(position: Omit<PositionRecord, 'updatedAt'>, at: number): void {
    this.#run((db) => upsertPosition(db, position, at));
  }

  /** {@inheritDoc DurableStateStore.listPositions} */
  listPositions(): PositionRecord[] {
    return this.#run(selectPositions);
  }

  /** {@inheritDoc DurableStateStore.appendLedger} */
  appendLedger(entries: readonly LedgerEntry[]): void {
    this.#tx((db) => insertLedger(db, entries));
  }

  /** {@inheritDoc DurableStateStore.ledgerBalance} */
  ledgerBalance(currency: string): string {
    return this.#run((db) => selectBalance(db, currency));
  }

  /**
   * Ledger entries of one currency (or of all), oldest first.
   *
   * @param currency - only this currency
   * @returns the entries, amounts as exact decimal strings
   */
  listLedger(currency?: string): LedgerEntry[] {
    return this.#run((db) => selectLedger(db, currency));
  }

  /** {@inheritDoc DurableStateStore.listDecisions} */
  listDecisions(query: HistoryQuery = {}): Decision[] {
    return this.#run((db) => selectDecisions(db, query));
  }

  /** {@inheritDoc DurableStateStore.listCycles} */
  listCycles(query: HistoryQuery = {}): CycleReport[] {
    return this.#run((db) => selectCycles(db, query));
  }

  /** {@inheritDoc DurableStateStore.getValue} */
  getValue<T = unknown>(key: string): T | undefined {
    return this.#run((db) => selectValue<T>(db, key));
  }

  /** {@inheritDoc DurableStateStore.setValue} */
  setValue(key: string, value: unknown, at: number): void {
    this.#run((db) => upsertValue(db, key, value, at));
  }

  /** {@inheritDoc DurableStateStore.registerModel} */
  registerModel(model: ModelRecord): void {
    this.#run((db) => insertModel(db, model));
  }

  /** {@inheritDoc DurableStateStore.recordModelMetrics} */
  recordModelMetrics(name: string, version: string, metrics: Readonly<Record<string, number>>, at: number): void {
    this.#tx((db) => insertModelMetrics(db, name, version, metrics, at));
  }

  /** {@inheritDoc DurableStateStore.listModels} */
  listModels(name?: string): ModelRecord[] {
    return this.#run((db) => selectModels(db, name));
  }

  /** {@inheritDoc DurableStateStore.modelMetrics} */
  modelMetrics(name: string, version: string): ModelMetricPoint[] {
    return this.#run((db) => selectModelMetrics(db, name, version));
  }

  /**
   * Delete decisions and cycle reports older than `before` (history
   * retention); orders, fills, ledger and models are kept.
   *
   * @param before - cut-off, ms UTC (exclusive)
   * @returns rows deleted per table
   */
  pruneHistory(before: number): PruneHistoryResult {
    return this.#tx((db) => deleteHistoryBefore(db, before));
  }

  /**
   * Copy the live database to `toPath` with SQLite's online backup API
   * (consistent while writes go on), via a temp file, fsync and rename.
   *
   * @param toPath - destination file (its directory is created)
   * @returns the destination path and its size in bytes
   * @throws StorageIOError naming the destination when it cannot be written
   */
  backup(toPath: string): Promise<BackupResult> {
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
  async backupWithRetention(dir: string, options: BackupRetentionOptions = {}): Promise<BackupResult> {
    const made = await this.backup(join(dir, backupName(this.#now())));
    const deleted = await pruneBackups(dir, { keep: options.keep ?? 7 });
    return { ...made, deleted };
  }

  /**
   * Check the file's integrity (`PRAGMA integrity_check`).
   *
   * @returns `'ok'` when sound, else SQLite's first finding
   */
  integrityCheck(): string {
    return this.#run((db) => db.pragma('integrity_check', { simple: true }) as string);
  }

  /** Close the database (idempotent). Further calls throw. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
