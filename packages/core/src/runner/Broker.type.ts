import type { CandleEvent } from './CandleEvent.type.js';
import type { Fill, Order, OrderIntent } from './Order.type.js';
import type { PortfolioSnapshot, PositionSnapshot } from './Portfolio.type.js';

/** Places orders and reports fills; paper and live brokers share this contract. */
export interface Broker {
  /** Called first on every closed candle: fill what can be filled, return the new fills. */
  onCandle(event: CandleEvent): Promise<Fill[]> | Fill[];
  /**
   * Place an approved, sized intent. Never retried on the order path. A
   * broker that answers at once (paper) may return the order itself, and
   * throw bad input synchronously: the runner's cycle then stays synchronous.
   */
  submit(intent: OrderIntent, event: CandleEvent): Promise<Order> | Order;
  /** The account now, marked at the last known prices. */
  portfolio(): PortfolioSnapshot;
  /**
   * Optional: the open position in one market, exactly as
   * `portfolio().positions[symbol]`, without building a whole snapshot (the
   * runner asks for it on every candle; a replay of many markets gains by it).
   */
  position?(symbol: string): PositionSnapshot | undefined;
  /** Optional: exactly `portfolio().equity`, without building a whole snapshot (asked on every candle). */
  equity?(): number;
  /**
   * Optional: see a candle that was already processed before a restart
   * (update marks and watermarks only; never fill or place anything).
   */
  warmUp?(event: CandleEvent): void;
  /**
   * Optional: cancel one working order by client order id. Answers the
   * order's state after the attempt (it may have filled meanwhile: a live
   * broker looks it up again rather than taking "not found" for canceled), or
   * `undefined` when no such order is working.
   */
  cancel?(clientOrderId: string): Promise<Order | undefined> | Order | undefined;
  /**
   * Optional: cancel every working order, of one market or of all (the kill
   * switch). Answers each order's state after the attempt.
   */
  cancelAll?(symbol?: string): Promise<Order[]> | Order[];
}
