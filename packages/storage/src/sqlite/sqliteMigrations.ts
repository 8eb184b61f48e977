/** One schema step: applied once, in order, inside a transaction. */
export interface SqliteMigration {
  /** Schema version after this step (`PRAGMA user_version`). */
  version: number;
  /** What it does, for logs. */
  description: string;
  /** SQL to run. */
  sql: string;
}

/**
 * The state store's schema history. Append only: never edit a released step.
 *
 * @internal
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'order journal, fills, positions, ledger, decisions, cycles, kv, model registry',
    sql: `
      CREATE TABLE orders (
        client_order_id TEXT PRIMARY KEY,
        order_id        TEXT,
        symbol          TEXT NOT NULL,
        side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        type            TEXT NOT NULL CHECK (type IN ('market', 'limit')),
        amount          REAL,
        price           REAL,
        status          TEXT NOT NULL,
        filled          REAL NOT NULL DEFAULT 0,
        timestamp       INTEGER NOT NULL,
        reason          TEXT NOT NULL,
        reduce_only     INTEGER NOT NULL DEFAULT 0,
        intent_json     TEXT,
        updated_at      INTEGER NOT NULL
      );
      CREATE INDEX orders_status ON orders (status);
      CREATE INDEX orders_symbol ON orders (symbol, timestamp);
      CREATE TABLE order_status_history (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        client_order_id TEXT NOT NULL REFERENCES orders (client_order_id) ON DELETE CASCADE,
        status          TEXT NOT NULL,
        filled          REAL NOT NULL,
        at              INTEGER NOT NULL
      );
      CREATE INDEX order_status_history_order ON order_status_history (client_order_id, id);
      CREATE TABLE fills (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id        TEXT NOT NULL,
        client_order_id TEXT NOT NULL,
        symbol          TEXT NOT NULL,
        side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        amount          REAL NOT NULL,
        price           REAL NOT NULL,
        fee             REAL NOT NULL,
        fee_currency    TEXT NOT NULL,
        timestamp       INTEGER NOT NULL,
        reason          TEXT NOT NULL
      );
      CREATE INDEX fills_order ON fills (client_order_id);
      CREATE INDEX fills_symbol ON fills (symbol, timestamp);
      CREATE TABLE positions (
        symbol          TEXT PRIMARY KEY,
        amount          TEXT NOT NULL,
        entry_price     TEXT NOT NULL,
        updated_at      INTEGER NOT NULL
      );
      CREATE TABLE ledger_entries (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        timestamp       INTEGER NOT NULL,
        currency        TEXT NOT NULL,
        amount          TEXT NOT NULL,
        kind            TEXT NOT NULL,
        ref             TEXT
      );
      CREATE INDEX ledger_currency ON ledger_entries (currency, id);
      CREATE TABLE decisions (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        symbol          TEXT NOT NULL,
        timestamp       INTEGER NOT NULL,
        action          TEXT NOT NULL CHECK (action IN ('BUY', 'SELL', 'HOLD')),
        confidence      REAL NOT NULL,
        predictions_json TEXT NOT NULL,
        reasons_json    TEXT NOT NULL
      );
      CREATE INDEX decisions_symbol ON decisions (symbol, timestamp);
      CREATE TABLE cycles (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        symbol          TEXT NOT NULL,
        timestamp       INTEGER NOT NULL,
        ok              INTEGER NOT NULL,
        failed_stage    TEXT,
        timings_json    TEXT NOT NULL,
        equity          REAL NOT NULL
      );
      CREATE INDEX cycles_symbol ON cycles (symbol, timestamp);
      CREATE TABLE kv (
        key             TEXT PRIMARY KEY,
        value_json      TEXT NOT NULL,
        updated_at      INTEGER NOT NULL
      );
      CREATE TABLE models (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        name            TEXT NOT NULL,
        version         TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        path            TEXT,
        feature_hash    TEXT,
        params_json     TEXT NOT NULL DEFAULT '{}',
        UNIQUE (name, version)
      );
      CREATE TABLE model_metrics (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        model_id        INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        at              INTEGER NOT NULL,
        name            TEXT NOT NULL,
        value           REAL NOT NULL
      );
      CREATE INDEX model_metrics_model ON model_metrics (model_id, name, at);
    `,
  },
  {
    version: 2,
    description: 'exchange trade ids on fills (dedupe across restarts); one decision per market and candle',
    sql: `
      ALTER TABLE fills ADD COLUMN trade_id TEXT;
      CREATE UNIQUE INDEX fills_trade ON fills (symbol, trade_id) WHERE trade_id IS NOT NULL;
      DELETE FROM decisions WHERE id NOT IN (SELECT MAX(id) FROM decisions GROUP BY symbol, timestamp);
      CREATE UNIQUE INDEX decisions_candle ON decisions (symbol, timestamp);
    `,
  },
];
