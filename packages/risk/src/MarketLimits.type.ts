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
  precision?: { amount?: number | undefined; price?: number | undefined } | undefined;
  /** Minimum and maximum amount, price and cost (amount * price). */
  limits?:
    | {
        amount?: { min?: number | null | undefined; max?: number | null | undefined } | undefined;
        price?: { min?: number | null | undefined; max?: number | null | undefined } | undefined;
        cost?: { min?: number | null | undefined; max?: number | null | undefined } | undefined;
      }
    | undefined;
}
