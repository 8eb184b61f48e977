/** One round trip: a position opened from flat and closed back to flat. */
export interface Trade {
  symbol: string;
  /** Time of the first entry fill, ms UTC. */
  entryTime: number;
  /** Time of the last exit fill, ms UTC. */
  exitTime: number;
  /** Volume-weighted entry price. */
  entryPrice: number;
  /** Volume-weighted exit price. */
  exitPrice: number;
  /** Base amount bought in total. */
  amount: number;
  /** Net profit in quote currency after all fees. */
  pnl: number;
  /** Net return on the entry cost, fraction. */
  returnPct: number;
  /** Fees paid on the trade, quote currency. */
  fees: number;
  /** Why the position was closed (the last exit's reason). */
  exitReason: string;
}
