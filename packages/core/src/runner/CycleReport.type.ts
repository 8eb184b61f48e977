/** What one runner cycle (one closed candle of one market) did and how long each stage took. */
export interface CycleReport {
  /** Market symbol. */
  symbol: string;
  /** Candle open time, ms UTC. */
  timestamp: number;
  /** Whether every stage completed without error. */
  ok: boolean;
  /** The stage that failed, if any. */
  failedStage?: string;
  /** Milliseconds spent per stage (`features`, `predict`, `decide`, `risk`, `broker`). */
  timings: Record<string, number>;
  /** Equity after the cycle, marked at the candle's close. */
  equity: number;
}
