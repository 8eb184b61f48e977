/** A min/max pair; `null` where the exchange sets no bound. */
export interface Bounds {
  min: number | null;
  max: number | null;
}

/** One market with its precision and limits, normalised from ccxt. */
export interface MarketInfo {
  /** ccxt symbol, e.g. `ETH/BTC`. */
  symbol: string;
  /** Exchange's own id, e.g. `ETHBTC`. */
  id: string;
  base: string;
  quote: string;
  /** `spot`, `swap`, `future`, `option`. */
  type: string;
  /** Whether the exchange lists it as tradable (`null` when unknown). */
  active: boolean | null;
  /** Price and amount steps (tick sizes), whatever ccxt's precision mode (decimal places are converted). */
  precision: { price: number | null; amount: number | null };
  /** Amount (base), price (quote) and cost (quote) bounds. */
  limits: { amount: Bounds; price: Bounds; cost: Bounds };
}
