/** High, low and close of one candle: the input of range-based streaming indicators. */
export interface HLC {
  /** Highest price. */
  readonly high: number;
  /** Lowest price. */
  readonly low: number;
  /** Closing price. */
  readonly close: number;
}

/** High, low, close and volume of one candle. */
export interface HLCV extends HLC {
  /** Traded volume. */
  readonly volume: number;
}
