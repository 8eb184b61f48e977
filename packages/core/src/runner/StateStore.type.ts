import type { Decision } from '../decision/Decision.js';
import type { CycleReport } from './CycleReport.type.js';
import type { Fill, Order } from './Order.type.js';
import type { StoredState } from './StoredState.type.js';

/**
 * Where the runner and brokers keep what must survive a restart. SQLite
 * (`@sextant/storage/sqlite`) implements it; a PostgreSQL adapter can follow
 * under the same contract tests.
 */
export interface StateStore {
  /** Record a decision. */
  recordDecision(decision: Decision): void | Promise<void>;
  /** Record a finished cycle. */
  recordCycle(cycle: CycleReport): void | Promise<void>;
  /** Insert or update an order by client order id. */
  recordOrder(order: Order): void | Promise<void>;
  /** Record a fill. */
  recordFill(fill: Fill): void | Promise<void>;
  /** Optional: everything a restarted bot needs to continue where it stopped. */
  loadState?(): StoredState | Promise<StoredState>;
}
