import { timeframeToMs } from '@sextant/core';
import type { CandleCoverage, CoveredRange } from './CandleCoverage.type.js';
import type { DatasetKey } from './DatasetKey.js';

/**
 * Covered runs and gaps of sorted, deduplicated open times on `key`'s
 * timeframe grid.
 *
 * @internal
 */
export function coverageOf(key: DatasetKey, timestamps: Float64Array): CandleCoverage {
  const step = timeframeToMs(key.timeframe);
  const ranges: CoveredRange[] = [];
  const gaps: CandleCoverage['gaps'] = [];
  const n = timestamps.length;
  if (n === 0) return { key, count: 0, ranges, gaps };
  let start = timestamps[0] as number;
  let count = 1;
  for (let i = 1; i < n; i++) {
    const prev = timestamps[i - 1] as number;
    const t = timestamps[i] as number;
    if (t - prev > step) {
      ranges.push({ from: start, to: prev, count });
      gaps.push({ from: prev + step, to: t - step, missing: Math.round((t - prev) / step) - 1 });
      start = t;
      count = 0;
    }
    count++;
  }
  const last = timestamps[n - 1] as number;
  ranges.push({ from: start, to: last, count });
  return { key, count: n, first: timestamps[0] as number, last, ranges, gaps };
}
