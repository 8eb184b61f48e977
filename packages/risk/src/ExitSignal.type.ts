/** `'stop-loss' | 'take-profit' | 'trailing-stop' | 'time-stop'`. */
export type ExitKind = 'stop-loss' | 'take-profit' | 'trailing-stop' | 'time-stop';

/** One exit the exit manager decided on a candle, with the price it triggered at. */
export interface ExitSignal {
  /** Market symbol. */
  symbol: string;
  /** What triggered. */
  kind: ExitKind;
  /** Take-profit level (1 = TP1, 2 = TP2, ...); 0 for other kinds. */
  level: number;
  /** Trigger price: the stop or target, or the open when the candle gapped through it, or the close for a time stop. */
  price: number;
  /** Base amount to sell. */
  amount: number;
  /** Open time of the candle it triggered on, ms UTC. */
  timestamp: number;
  /** Human reason with the numbers. */
  reason: string;
}
