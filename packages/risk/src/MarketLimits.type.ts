/**
 * Exchange precision and limits of one market, in ccxt's `Market` shape (a
 * plain object: pass `exchange.markets[symbol]` straight in). Only the fields
 * risk needs are read. With ccxt's `TICK_SIZE` precision mode (the default
 * for most exchanges in ccxt 4) `precision.amount`/`precision.price` are step
 * sizes (`0.001`); with `DECIMAL_PLACES` they are digit counts (`3`).
 */
export interface MarketLimits {
  /** Market symbol, e.g. `ETH/BTC`. */
  symbol?: string | undefined;
  /** Step sizes (or decimal places) of amount and price. */
  precision?:
    | {
        /** Amount step (TICK_SIZE) or decimal places (DECIMAL_PLACES). */
        amount?: number | undefined;
        /** Price tick (TICK_SIZE) or decimal places (DECIMAL_PLACES). */
        price?: number | undefined;
      }
    | undefined;
  /** Minimum and maximum amount, price and cost (amount * price). */
  limits?:
    | {
        /** Base amount range. */
        amount?: MinMax | undefined;
        /** Price range. */
        price?: MinMax | undefined;
        /** Cost (amount * price) range, quote currency. */
        cost?: MinMax | undefined;
      }
    | undefined;
}

/** A ccxt limit range; `null`/`undefined` = no limit. */
export interface MinMax {
  /** Lower bound. */
  min?: number | null | undefined;
  /** Upper bound. */
  max?: number | null | undefined;
}
