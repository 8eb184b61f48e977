import type { CandleGap } from '@sextant/core';
import type { DatasetKey } from './DatasetKey.js';

/** A run of consecutive candles with no missing candle inside. */
export interface CoveredRange {
  /** Open time of the first candle, ms UTC. */
  from: number;
  /** Open time of the last candle, ms UTC. */
  to: number;
  /** Candles in the run. */
  count: number;
}

/** What a dataset holds: covered runs and the gaps between them. */
export interface CandleCoverage {
  /** The dataset. */
  key: DatasetKey;
  /** Candles stored. */
  count: number;
  /** Open time of the first stored candle (absent when empty). */
  first?: number;
  /** Open time of the last stored candle (absent when empty). */
  last?: number;
  /** Runs of consecutive candles, oldest first. */
  ranges: CoveredRange[];
  /** Missing candles between the runs, oldest first. */
  gaps: CandleGap[];
}
