import {
  type CandleSeries,
  InvalidArgumentError,
  type Timeframe,
  allocateCandleSeries,
  timeframeToMs,
} from '@sextant/core';

/** Options of {@link resample}. */
export interface ResampleOptions {
  /**
   * Drop buckets that hold fewer candles than a full one (`to / from`), such
   * as a still-open last bucket or one with gaps. @default false
   */
  dropIncomplete?: boolean;
}

const WEEK_OFFSET = 4 * 86_400_000; // ccxt weeks open on Monday; 1970-01-01 was a Thursday

/**
 * Aggregate candles to a longer timeframe: buckets aligned on UTC multiples
 * of `to` (Mondays for `1w`), open of the first candle, highest high, lowest
 * low, close of the last candle, summed volume. Empty buckets (gaps) are not
 * invented.
 *
 * @param series - candles of timeframe `from`, oldest first
 * @param from - the series' timeframe
 * @param to - the target timeframe, a whole multiple of `from`
 * @param options - see {@link ResampleOptions}
 * @returns the resampled candles, each stamped with its bucket's open time
 * @throws InvalidArgumentError when `to` is not a multiple of `from`
 * @example
 * ```ts
 * import { resample } from '@sextant/features';
 * const hourly = resample(fiveMinute, '5m', '1h');
 * ```
 */
export function resample(
  series: CandleSeries,
  from: Timeframe,
  to: Timeframe,
  options: ResampleOptions = {},
): CandleSeries {
  const fromMs = timeframeToMs(from);
  const toMs = timeframeToMs(to);
  if (toMs < fromMs || toMs % fromMs !== 0) {
    throw new InvalidArgumentError(
      `Cannot resample "${from}" candles to "${to}": "${to}" is not a multiple of "${from}"`,
    );
  }
  const offset = to === '1w' ? WEEK_OFFSET : 0;
  const full = toMs / fromMs;
  const n = series.length;
  const out = allocateCandleSeries(n);
  let m = -1;
  let bucket = Number.NaN;
  let count = 0;
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = series.timestamp[i]!;
    const b = Math.floor((t - offset) / toMs) * toMs + offset;
    if (b !== bucket) {
      if (m >= 0) counts[m] = count;
      m++;
      bucket = b;
      count = 0;
      out.timestamp[m] = b;
      out.open[m] = series.open[i]!;
      out.high[m] = series.high[i]!;
      out.low[m] = series.low[i]!;
      out.volume[m] = 0;
    }
    count++;
    if (series.high[i]! > out.high[m]!) out.high[m] = series.high[i]!;
    if (series.low[i]! < out.low[m]!) out.low[m] = series.low[i]!;
    out.close[m] = series.close[i]!;
    out.volume[m] = out.volume[m]! + series.volume[i]!;
  }
  if (m >= 0) counts[m] = count;
  let len = m + 1;
  if (options.dropIncomplete) {
    let w = 0;
    for (let r = 0; r < len; r++) {
      if (counts[r] !== full) continue;
      for (const f of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) out[f][w] = out[f][r]!;
      w++;
    }
    len = w;
  }
  return {
    timestamp: out.timestamp.slice(0, len),
    open: out.open.slice(0, len),
    high: out.high.slice(0, len),
    low: out.low.slice(0, len),
    close: out.close.slice(0, len),
    volume: out.volume.slice(0, len),
    length: len,
  };
}
