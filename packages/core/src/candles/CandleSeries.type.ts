/**
 * Candles in columns: one `Float64Array` per field, all of `length` rows,
 * oldest first. `timestamp` is the candle's open time in ms since the epoch
 * (UTC). Columns map directly onto Arrow vectors and Parquet columns.
 */
export interface CandleSeries {
  /** Open time of each candle, ms since the epoch, UTC. */
  readonly timestamp: Float64Array;
  /** Opening price. */
  readonly open: Float64Array;
  /** Highest traded price. */
  readonly high: Float64Array;
  /** Lowest traded price. */
  readonly low: Float64Array;
  /** Closing (last) price. */
  readonly close: Float64Array;
  /** Traded volume in base currency. */
  readonly volume: Float64Array;
  /** Number of rows. */
  readonly length: number;
}

/** One candle as a row object, for the edges (one live candle, one log line). */
export interface Candle {
  /** Open time, ms since the epoch, UTC. */
  timestamp: number;
  /** Opening price. */
  open: number;
  /** Highest traded price. */
  high: number;
  /** Lowest traded price. */
  low: number;
  /** Closing price. */
  close: number;
  /** Traded volume in base currency. */
  volume: number;
}

/** One candle in ccxt's layout: `[timestampMs, open, high, low, close, volume]`. */
export type OHLCVRow = readonly [number, number, number, number, number, number];

/** The six column names of a {@link CandleSeries}, in ccxt order. */
export type CandleField = 'timestamp' | 'open' | 'high' | 'low' | 'close' | 'volume';
