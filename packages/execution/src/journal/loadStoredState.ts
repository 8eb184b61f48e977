import type { CycleReport, Fill, Order, StoredState } from '@sextant/core';

/** The read side of a durable state store that {@link loadStoredState} needs (`SqliteStateStore` fits). */
export interface StoredStateSource {
  /** Orders not final yet. */
  openOrders(): Order[] | Promise<Order[]>;
  /** Every fill, oldest first. */
  listFills(): Fill[] | Promise<Fill[]>;
  /** Every cycle report, oldest first. */
  listCycles(): CycleReport[] | Promise<CycleReport[]>;
}

/**
 * What a restarted bot needs from its state store: the orders still working
 * (a replayed candle re-submits only those, answered from them instead of
 * placing duplicates), every fill (the ledger is rebuilt from them) and how
 * many cycles completed (the runner's `warmUp`).
 *
 * @param store - a durable store, e.g. `SqliteStateStore` from `@sextant/storage/sqlite`
 * @returns orders, fills, cycle count and the last cycle
 * @example
 * ```ts
 * import { createBot } from '@sextant/core';
 * import { loadStoredState, PaperBroker } from '@sextant/execution';
 * const state = await loadStoredState(store);
 * const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', restore: state });
 * const bot = createBot({ feed, features, models, decisions, risk, broker, store, warmUp: state.cycles });
 * ```
 */
export async function loadStoredState(store: StoredStateSource): Promise<StoredState> {
  const [orders, fills, cycles] = await Promise.all([store.openOrders(), store.listFills(), store.listCycles()]);
  const last = cycles[cycles.length - 1];
  return { orders, fills, cycles: cycles.length, ...(last === undefined ? {} : { lastCycle: last }) };
}
