import type { CandleSeries } from './CandleSeries.type.js';

/**
 * Rows `[start, end)` of a series as a new series that shares memory with the
 * original (`Float64Array.subarray`, no copy). Indexes behave like
 * `Array.prototype.slice`: negative counts from the end, out of range clamps.
 *
 * @param series - columnar candles
 * @param start - first row, inclusive (default 0)
 * @param end - last row, exclusive (default the length)
 * @returns a view over the rows
 * @example
 * ```ts
 * import { sliceSeries } from '@sextant/core';
 * const lastDay = sliceSeries(series5m, -288);
 * ```
 */
export function sliceSeries(series: CandleSeries, start = 0, end = series.length): CandleSeries {
  const n = series.length;
  const s = Math.max(0, Math.min(n, start < 0 ? n + start : start));
  const e = Math.max(s, Math.min(n, end < 0 ? n + end : end));
  return {
    timestamp: series.timestamp.subarray(s, e),
    open: series.open.subarray(s, e),
    high: series.high.subarray(s, e),
    low: series.low.subarray(s, e),
    close: series.close.subarray(s, e),
    volume: series.volume.subarray(s, e),
    length: e - s,
  };
}

/**
 * Rows whose timestamp lies in `[from, to]` (both inclusive, ms UTC) of a
 * time-sorted series, found by binary search, as a zero-copy view.
 *
 * @param series - time-sorted columnar candles
 * @param from - earliest open time kept (default: no bound)
 * @param to - latest open time kept (default: no bound)
 * @returns a view over the rows
 * @example
 * ```ts
 * import { sliceSeriesByTime } from '@sextant/core';
 * const jan = sliceSeriesByTime(series, Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 31, 23, 59));
 * ```
 */
export function sliceSeriesByTime(series: CandleSeries, from = -Infinity, to = Infinity): CandleSeries {
  return sliceSeries(series, lowerBound(series.timestamp, from), upperBound(series.timestamp, to));
}

/** First index whose value is >= x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
