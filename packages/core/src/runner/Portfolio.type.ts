/** An open position as risk rules and strategies see it (floats; the ledger keeps exact values). */
export interface PositionSnapshot {
  /** Market symbol. */
  symbol: string;
  /** Base amount held (positive for long). */
  amount: number;
  /** Average entry price in quote currency. */
  entryPrice: number;
  /** Open time of the candle the position was opened on, ms UTC. */
  openedAt: number;
  /** Last known price. */
  markPrice: number;
  /** Highest price seen since entry (for trailing stops). */
  highWatermark: number;
}

/** The account at one moment. */
export interface PortfolioSnapshot {
  /** Time of the snapshot, ms UTC. */
  timestamp: number;
  /** Free quote currency. */
  cash: number;
  /** Cash plus the marked value of every position. */
  equity: number;
  /** Open positions by symbol. */
  positions: Readonly<Record<string, PositionSnapshot>>;
}

/** What risk rules know about a market at decision time. */
export interface MarketSnapshot {
  /** Market symbol. */
  symbol: string;
  /** Time, ms UTC. */
  timestamp: number;
  /** Last price (the closed candle's close). */
  price: number;
  /** Recent volatility as a fraction of price per candle, when known. */
  volatility?: number;
  /** Recent quote volume per candle, when known. */
  quoteVolume?: number;
}
