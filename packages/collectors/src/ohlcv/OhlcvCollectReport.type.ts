import type { CandleGap, CandleSeries } from '@sextant/core';

/** What one {@link OhlcvCollector.collect} run did. */
export interface OhlcvCollectReport {
  /** fetchOHLCV pages requested (gap re-requests included). */
  pages: number;
  /** Candles received, before dedupe and filtering. */
  fetched: number;
  /** Candles returned (and written, with a store). */
  collected: number;
  /** Gaps left after one re-request each: true gaps of the source. */
  gaps: CandleGap[];
  /** Candles recovered by re-requesting gaps. */
  repaired: number;
  /** Duplicate candles dropped. */
  duplicates: number;
  /** Retries of failed requests. */
  retries: number;
  /** Wall time, ms. */
  durationMs: number;
  /** Open time the run started from (after resuming from the store). */
  from: number;
  /** Last open time asked for: `until` or the last closed candle. */
  to: number;
}

/** The result of {@link OhlcvCollector.collect}. */
export interface OhlcvCollectResult {
  /** New candles, oldest first, deduped and validated (only closed candles). */
  candles: CandleSeries;
  /** What the run did. */
  report: OhlcvCollectReport;
}
