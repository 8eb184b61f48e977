import type { CycleReport, Decision, Fill, Order, OrderIntent, OrderStatus, StateStore } from '@sextant/core';

/** A value or a promise of it: SQLite answers synchronously, a PostgreSQL adapter would not. */
export type Awaitable<T> = T | Promise<T>;

/** An order as journaled: the order, its intent, and when it last changed. */
export interface OrderRecord extends Order {
  /** The intent recorded before the order was sent, when there was one. */
  intent?: OrderIntent;
  /** Last change, ms UTC. */
  updatedAt: number;
}

/** One entry of an order's status history. */
export interface OrderStatusChange {
  /** New status. */
  status: OrderStatus;
  /** Amount filled at that point. */
  filled: number;
  /** When it was recorded, ms UTC. */
  at: number;
}

/** A position held, amounts as exact decimal strings. */
export interface PositionRecord {
  /** Market symbol. */
  symbol: string;
  /** Base amount, exact decimal string (negative for shorts). */
  amount: string;
  /** Average entry price, exact decimal string. */
  entryPrice: string;
  /** Last change, ms UTC. */
  updatedAt: number;
}

/** One ledger movement, amounts as exact decimal strings. */
export interface LedgerEntry {
  /** Time of the movement, ms UTC. */
  timestamp: number;
  /** Currency code, e.g. `BTC`. */
  currency: string;
  /** Signed amount, exact decimal string (e.g. `-0.00125`). */
  amount: string;
  /** What it is: `fill`, `fee`, `deposit`, `funding`, ... */
  kind: string;
  /** What it refers to (a client order id), if anything. */
  ref?: string;
}

/** A time filter for history queries, ms UTC, inclusive. */
export interface HistoryQuery {
  /** Only this symbol. */
  symbol?: string;
  /** From this time. */
  from?: number;
  /** Up to this time. */
  to?: number;
  /** At most this many rows (newest kept when limited). */
  limit?: number;
}

/** A registered model version. */
export interface ModelRecord {
  /** Model name, e.g. `eth-btc-gbdt`. */
  name: string;
  /** Version label, e.g. `2024-06-01T00:00Z` or `v3`. */
  version: string;
  /** When registered, ms UTC. */
  createdAt: number;
  /** Where the bundle lives. */
  path?: string;
  /** Feature pipeline hash the model was trained on. */
  featureHash?: string;
  /** Free-form JSON-serialisable parameters. */
  params: Record<string, unknown>;
}

/** One metric value of a model at a time. */
export interface ModelMetricPoint {
  /** Metric name, e.g. `auc`. */
  name: string;
  /** Its value. */
  value: number;
  /** When measured, ms UTC. */
  at: number;
}

/**
 * Everything the runner, brokers and CLI keep across restarts: core's
 * `StateStore` plus the order journal, positions, ledger, history, a
 * key-value table and the model registry. `SqliteStateStore` implements it;
 * a PostgreSQL adapter can follow and must pass the same contract tests.
 */
export interface DurableStateStore extends StateStore {
  /** Journal an order intent under its client order id before sending it (status `pending`). */
  recordIntent(clientOrderId: string, intent: OrderIntent, at: number): Awaitable<void>;
  /** One journaled order, or undefined. */
  getOrder(clientOrderId: string): Awaitable<OrderRecord | undefined>;
  /** Orders not in a final state (`pending`, `open`, `partially_filled`, `unknown`): what to reconcile. */
  openOrders(): Awaitable<OrderRecord[]>;
  /** Status changes of one order, oldest first. */
  orderHistory(clientOrderId: string): Awaitable<OrderStatusChange[]>;
  /** Fills, oldest first, optionally of one order. */
  listFills(clientOrderId?: string): Awaitable<Fill[]>;
  /** Set (or, with amount `0`, remove) a position. */
  setPosition(position: Omit<PositionRecord, 'updatedAt'>, at: number): Awaitable<void>;
  /** All positions, by symbol. */
  listPositions(): Awaitable<PositionRecord[]>;
  /** Append ledger entries atomically (all or none). */
  appendLedger(entries: readonly LedgerEntry[]): Awaitable<void>;
  /** Exact balance of one currency (sum of its entries) as a decimal string. */
  ledgerBalance(currency: string): Awaitable<string>;
  /** Decisions, oldest first. */
  listDecisions(query?: HistoryQuery): Awaitable<Decision[]>;
  /** Cycle reports, oldest first. */
  listCycles(query?: HistoryQuery): Awaitable<CycleReport[]>;
  /** A JSON value by key, or undefined. */
  getValue<T = unknown>(key: string): Awaitable<T | undefined>;
  /** Store a JSON-serialisable value by key. */
  setValue(key: string, value: unknown, at: number): Awaitable<void>;
  /** Register a model version (fails if the name/version exists). */
  registerModel(model: ModelRecord): Awaitable<void>;
  /** Record metric values of a registered model version at a time. */
  recordModelMetrics(
    name: string,
    version: string,
    metrics: Readonly<Record<string, number>>,
    at: number,
  ): Awaitable<void>;
  /** Registered versions of a model (or of all models), oldest first. */
  listModels(name?: string): Awaitable<ModelRecord[]>;
  /** Metric history of a model version, oldest first. */
  modelMetrics(name: string, version: string): Awaitable<ModelMetricPoint[]>;
}
