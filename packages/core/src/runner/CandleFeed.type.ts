import type { CandleEvent } from './CandleEvent.type.js';

/**
 * Where closed candles come from. Pull-based, so a replay runs as fast as
 * the bot can process and a live feed simply waits for the next close.
 * Backtest, paper and live differ only in their feed, clock and broker.
 */
export interface CandleFeed {
  /** The next closed candle, or `null` when the feed is exhausted or closed. */
  next(): Promise<CandleEvent | null>;
  /**
   * Optional: the next closed candle when it is already at hand (a replay),
   * without a promise. The runner prefers it, so a replay runs with no
   * microtask per candle.
   */
  nextSync?(): CandleEvent | null;
  /** Stop producing; a pending `next()` resolves to `null`. */
  close?(): Promise<void> | void;
}
