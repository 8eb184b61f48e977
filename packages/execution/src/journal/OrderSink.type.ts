import type { Fill, Order } from '@sextant/core';

/**
 * Where a broker writes every order state change and fill as it happens,
 * synchronously, before anything else is done with the order. An
 * {@link OrderJournal} and any core `StateStore` with synchronous writes
 * (SQLite) fit.
 */
export interface OrderSink {
  /** Insert or update an order by client order id. */
  recordOrder(order: Order): void;
  /** Record a fill. Leave it out when the bot runner already records fills to the same store. */
  recordFill?(fill: Fill): void;
}
