import type { CandleSeries } from './CandleSeries.type.js';
import { allocateCandleSeries } from './createCandleSeries.js';
import { mergeSeries } from './mergeSeries.js';

/**
 * A copy of `series` sorted by timestamp with duplicates removed (the last
 * occurrence of a timestamp wins), for repairing exchange answers before
 * validation.
 *
 * @param series - candles in any order
 * @returns a new sorted, deduplicated series
 * @example
 * ```ts
 * import { sortCandles } from '@sextant/core';
 * const clean = sortCandles(candlesFromOHLCV(rawRows));
 * ```
 */
export function sortCandles(series: CandleSeries): CandleSeries {
  return mergeSeries(allocateCandleSeries(0), series);
}
