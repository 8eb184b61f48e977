/** A run of missing candles between two present ones. */
export interface CandleGap {
  /** Open time of the first missing candle, ms UTC. */
  from: number;
  /** Open time of the last missing candle, ms UTC. */
  to: number;
  /** Number of candles missing. */
  missing: number;
}

/** One row that breaks a candle invariant. */
export interface InvalidCandle {
  /** Row index in the series. */
  index: number;
  /** Which invariant it breaks, e.g. `close is NaN`, `high 1.2 < close 1.3`. */
  reason: string;
}

/** What {@link validateCandles} found in a series. */
export interface CandleValidationReport {
  /** True when there are no duplicates, no out-of-order rows and no invalid rows. Gaps alone do not clear it. */
  ok: boolean;
  /** Rows whose timestamp equals the previous row's. */
  duplicates: number;
  /** Rows whose timestamp is earlier than the previous row's. */
  outOfOrder: number;
  /** Runs of missing candles (needs a timeframe). */
  gaps: CandleGap[];
  /** Rows with NaN/Infinity, negative values or an impossible high/low. */
  invalid: InvalidCandle[];
  /** The first problem in row order (duplicate, out of order or invalid), for messages. */
  first?: InvalidCandle;
}
