export type {
  Awaitable,
  DurableStateStore,
  HistoryQuery,
  LedgerEntry,
  ModelMetricPoint,
  ModelRecord,
  OrderRecord,
  OrderStatusChange,
  PositionRecord,
} from './sqlite/DurableStateStore.type.js';
export {
  SqliteStateStoreConfigSchema,
  type SqliteStateStoreConfig,
  type SqliteStateStoreConfigInput,
} from './sqlite/SqliteStateStoreConfig.js';
export {
  SqliteStateStore,
  type BackupResult,
  type BackupRetentionOptions,
  type PruneHistoryResult,
  type SqliteStateStoreOptions,
} from './sqlite/SqliteStateStore.js';
export { pruneBackups, type PruneBackupsOptions } from './sqlite/backupDatabase.js';
