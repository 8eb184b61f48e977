import type { CycleReport } from './CycleReport.type.js';
import type { Fill, Order } from './Order.type.js';

/**
 * What a {@link StateStore} hands back to a restarted bot: the orders (latest
 * state per client order id) and fills to rebuild the broker from, and how far
 * the runner got. Produced by `StateStore.loadState`.
 */
export interface StoredState {
  /** Every order recorded, latest state per client order id, in the order first recorded. */
  orders: Order[];
  /** Every fill recorded, in the order recorded. */
  fills: Fill[];
  /** Cycles completed (one per candle): a replay resumes after this many candles. */
  cycles: number;
  /** The last completed cycle, if any. */
  lastCycle?: CycleReport;
}
