import type { Decision } from '../decision/Decision.js';

/** `'buy' | 'sell'`. */
export type OrderSide = 'buy' | 'sell';
/** `'market' | 'limit'`. */
export type OrderType = 'market' | 'limit';
/** Life-cycle of an order. `unknown` means it must be reconciled before anything else is sent. */
export type OrderStatus = 'pending' | 'open' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'unknown';

/** What the bot wants to do, before risk has sized and approved it. */
export interface OrderIntent {
  /** Market symbol. */
  symbol: string;
  /** Buy or sell. */
  side: OrderSide;
  /** Market or limit. */
  type: OrderType;
  /** Base amount; may be left out for a buy and set by position sizing. */
  amount?: number;
  /** Limit price (limit orders). */
  price?: number;
  /** Only reduces or closes a position (exits). */
  reduceOnly: boolean;
  /** Why: `entry`, `exit:stop-loss`, `exit:take-profit`, `kill-switch`, ... */
  reason: string;
  /** The decision behind an entry, unchanged. */
  decision?: Decision;
}

/** An order as placed with a broker. */
export interface Order {
  /** Broker/exchange id. */
  id: string;
  /** Id made locally before the order is sent; the key for reconciliation. */
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  /** Base amount ordered. */
  amount: number;
  /** Limit price, if any. */
  price?: number;
  status: OrderStatus;
  /** Base amount filled so far. */
  filled: number;
  /** Time created, ms UTC. */
  timestamp: number;
  /** Why the order exists (from the intent). */
  reason: string;
  /** Only reduces or closes a position (from the intent). */
  reduceOnly?: boolean;
}

/** One execution of (part of) an order. */
export interface Fill {
  /** Broker/exchange order id. */
  orderId: string;
  /** Local client order id. */
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  /** Base amount executed. */
  amount: number;
  /** Execution price in quote currency. */
  price: number;
  /** Fee charged, in `feeCurrency`. */
  fee: number;
  /** Currency of the fee. */
  feeCurrency: string;
  /** Execution time, ms UTC. */
  timestamp: number;
  /** Why the order existed. */
  reason: string;
  /** Exchange trade id, when the fill came from an exchange (dedupes fills across restarts). */
  tradeId?: string;
}
