/** Time as the bot sees it: the wall clock live, the replayed candle's close in a backtest. */
export interface Clock {
  /** Now, ms since the epoch, UTC. */
  now(): number;
  /** Resolve after `ms` of this clock's time (immediately on a replay clock). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
