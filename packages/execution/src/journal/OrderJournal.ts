import type { Fill, Order, OrderStatus, StateStore } from '@sextant/core';
import type { OrderSink } from './OrderSink.type.js';

/** One status an order went through. */
export interface OrderStatusChange {
  /** The status. */
  status: OrderStatus;
  /** When it was recorded, ms UTC. */
  at: number;
  /** Why, e.g. `create timed out`, `resolved by client id`. */
  note?: string;
}

/** Options of {@link OrderJournal}. */
export interface OrderJournalOptions {
  /** Where orders and fills persist (a SQLite `StateStore`); in memory only without one. */
  store?: Pick<StateStore, 'recordOrder' | 'recordFill'>;
  /** State loaded from the store after a restart (see `loadStoredState`). */
  restore?: { orders: readonly Order[]; fills: readonly Fill[] };
  /** Clock for status times. @default Date.now */
  now?: () => number;
}

const LIVE: ReadonlySet<OrderStatus> = new Set(['pending', 'open', 'partially_filled', 'unknown']);

/**
 * Every order this bot placed, by client order id, with its status history,
 * written through to a state store. Brokers write an order here (status
 * `pending`) BEFORE sending it, so a crash between sending and hearing back
 * leaves a record to reconcile against the exchange. Fills are kept with
 * their exchange trade ids so none is booked twice.
 *
 * @example
 * ```ts
 * import { OrderJournal } from '@sextant/execution';
 * const journal = new OrderJournal({ store, restore: await store.loadState() });
 * await journal.write({ ...order, status: 'pending' }, 'about to send');
 * journal.live('ETH/BTC'); // orders not yet final
 * ```
 */
export class OrderJournal implements OrderSink {
  #orders = new Map<string, Order>();
  #history = new Map<string, OrderStatusChange[]>();
  #fills: Fill[] = [];
  #trades = new Set<string>();
  #store: OrderJournalOptions['store'];
  #now: () => number;

  /** @param options - store, restored state and clock */
  constructor(options: OrderJournalOptions = {}) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    for (const o of options.restore?.orders ?? []) this.#remember(o, 'restored');
    for (const f of options.restore?.fills ?? []) this.#keepFill(f);
  }

  /**
   * Record an order's new state and wait until the store has it.
   * @param order - the order (keyed by `clientOrderId`)
   * @param note - why the status changed
   */
  async write(order: Order, note?: string): Promise<void> {
    this.#remember(order, note);
    await this.#store?.recordOrder({ ...order });
  }

  /** {@link OrderSink}: record an order synchronously (the store write is not awaited). */
  recordOrder(order: Order): void {
    this.#remember(order);
    this.#background(this.#store?.recordOrder({ ...order }));
  }

  /**
   * Record a fill unless its exchange trade id was seen before.
   * @returns whether the fill was new
   */
  recordFill(fill: Fill): boolean {
    if (!this.#keepFill(fill)) return false;
    this.#background(this.#store?.recordFill(fill));
    return true;
  }

  /** Whether a fill with this exchange trade id was recorded for `symbol`. */
  hasTrade(symbol: string, tradeId: string): boolean {
    return this.#trades.has(`${symbol}#${tradeId}`);
  }

  /** The latest state of an order. */
  get(clientOrderId: string): Order | undefined {
    const o = this.#orders.get(clientOrderId);
    return o && { ...o };
  }

  /** Every status an order went through (since this process started, plus the restored one). */
  history(clientOrderId: string): readonly OrderStatusChange[] {
    return this.#history.get(clientOrderId) ?? [];
  }

  /** Orders not final yet (pending, open, partially filled, unknown), optionally of one market. */
  live(symbol?: string): Order[] {
    return this.all().filter((o) => LIVE.has(o.status) && (symbol === undefined || o.symbol === symbol));
  }

  /** Every order, in the order first recorded. */
  all(): Order[] {
    return [...this.#orders.values()].map((o) => ({ ...o }));
  }

  /** Every fill, in the order recorded. */
  fills(): readonly Fill[] {
    return this.#fills;
  }

  /** Store writes that failed in the background (async stores only; sync stores throw at the call). */
  readonly writeErrors: unknown[] = [];

  #background(result: void | Promise<void> | undefined): void {
    if (result instanceof Promise) result.catch((err: unknown) => this.writeErrors.push(err));
  }

  #remember(order: Order, note?: string): void {
    const prev = this.#orders.get(order.clientOrderId);
    this.#orders.set(order.clientOrderId, { ...order });
    if (prev?.status === order.status && note === undefined) return;
    const h = this.#history.get(order.clientOrderId) ?? [];
    h.push(
      note === undefined ? { status: order.status, at: this.#now() } : { status: order.status, at: this.#now(), note },
    );
    this.#history.set(order.clientOrderId, h);
  }

  #keepFill(fill: Fill): boolean {
    if (fill.tradeId !== undefined) {
      const key = `${fill.symbol}#${fill.tradeId}`;
      if (this.#trades.has(key)) return false;
      this.#trades.add(key);
    }
    this.#fills.push(fill);
    return true;
  }
}
