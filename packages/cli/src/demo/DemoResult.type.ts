import type { BacktestMetrics } from '@sextant/core';

/** One market's line in the demo summary. */
export interface DemoMarketSummary {
  /** Market symbol. */
  symbol: string;
  /** Candles replayed in the test period. */
  candles: number;
  /** Closed round trips. */
  trades: number;
  /** Strategy return over the test period, fraction. */
  totalReturn: number;
  /** Largest peak-to-trough fall, positive fraction. */
  maxDrawdown: number;
  /** Share of winning trades (0 without trades). */
  hitRate: number;
  /** Buy-and-hold return over the same candles, fraction. */
  buyAndHold: number;
  /** Every metric of the market's run. */
  metrics: BacktestMetrics;
}

/** What `sextant demo` did. *
 * @example
 * ```ts
 * import { runDemo, type DemoResult } from '@sextant/cli';
 * const result: DemoResult = await runDemo();
 * for (const m of result.markets) console.log(m.symbol, m.trades, m.totalReturn);
 * ```
 */
export interface DemoResult {
  /** Root of the Parquet dataset it wrote. */
  dataRoot: string;
  /** The HTML report. */
  reportPath: string;
  /** Train/test cut: first test candle, ms UTC. */
  testFrom: number;
  /** The model and its validation scores on the test period. */
  model: {
    kind: string;
    target: string;
    horizon: string;
    trainRows: number;
    testRows: number;
    /** Open times of the first and last training row, ms UTC. */
    trainRange: readonly [number, number];
    metrics: Record<string, number>;
  };
  /** One line per market. */
  markets: DemoMarketSummary[];
  /** All markets in one account (exposure cap shared). */
  portfolio: BacktestMetrics;
  /** Wall time per stage, ms. */
  stages: { name: string; ms: number }[];
}
