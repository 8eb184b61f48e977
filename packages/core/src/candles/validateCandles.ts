import type { Timeframe } from '../time/Timeframe.js';
import { timeframeToMs } from '../time/timeframeToMs.js';
import type { CandleSeries } from './CandleSeries.type.js';
import type { CandleGap, CandleValidationReport, InvalidCandle } from './CandleValidationReport.type.js';

/** Options of {@link validateCandles}. */
export interface ValidateCandlesOptions {
  /** When given, gaps larger than one candle are reported, and timestamps off the timeframe grid are invalid. */
  timeframe?: Timeframe;
  /** Stop collecting `invalid` rows after this many (counts stay exact). @default 1000 */
  maxInvalid?: number;
}

const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/**
 * Check a candle series for everything that would corrupt features, models
 * or money: duplicate and out-of-order timestamps, gaps, NaN/Infinity,
 * negative prices or volume, and a high below open/close or a low above them.
 * It never changes the series.
 *
 * @param series - columnar candles, expected oldest first
 * @param options - timeframe for gap detection
 * @returns a report; `ok` is false on duplicates, disorder or invalid rows
 * @example
 * ```ts
 * import { validateCandles } from '@sextant/core';
 * const report = validateCandles(series, { timeframe: '1m' });
 * console.log(report.gaps.length, report.ok);
 * ```
 */
export function validateCandles(series: CandleSeries, options: ValidateCandlesOptions = {}): CandleValidationReport {
  const step = options.timeframe === undefined ? 0 : timeframeToMs(options.timeframe);
  const maxInvalid = options.maxInvalid ?? 1000;
  const ts = series.timestamp;
  const invalid: InvalidCandle[] = [];
  const gaps: CandleGap[] = [];
  let duplicates = 0;
  let outOfOrder = 0;
  let first: InvalidCandle | undefined;
  const flag = (index: number, reason: string): void => {
    if (first === undefined) first = { index, reason };
  };

  const { open, high, low, close, volume } = series;
  for (let i = 0; i < series.length; i++) {
    const t = ts[i] as number;
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    const v = volume[i] as number;
    // Fast path: every comparison is false for NaN, so a row passing it is finite, non-negative and consistent.
    const clean =
      l >= 0 && h >= o && h >= c && l <= o && l <= c && h < Infinity && v >= 0 && v < Infinity && t - t === 0;
    const reason = clean && (step === 0 || t % step === 0) ? undefined : rowProblem(series, i, step);
    if (reason !== undefined) {
      if (invalid.length < maxInvalid) invalid.push({ index: i, reason });
      flag(i, reason);
    }
    if (i === 0 || !Number.isFinite(t)) continue;
    const prev = ts[i - 1] as number;
    if (t === prev) {
      duplicates++;
      flag(i, `duplicate timestamp ${isoTime(t)}`);
    } else if (t < prev) {
      outOfOrder++;
      flag(i, `timestamp ${isoTime(t)} is before the previous ${isoTime(prev)}`);
    } else if (step > 0 && t - prev > step) {
      const missing = Math.round((t - prev) / step) - 1;
      if (missing > 0) gaps.push({ from: prev + step, to: t - step, missing });
    }
  }
  const ok = duplicates === 0 && outOfOrder === 0 && invalid.length === 0;
  return first === undefined
    ? { ok, duplicates, outOfOrder, gaps, invalid }
    : { ok, duplicates, outOfOrder, gaps, invalid, first };
}

/** The first invariant row `i` breaks, or undefined. */
function rowProblem(s: CandleSeries, i: number, step: number): string | undefined {
  const t = s.timestamp[i] as number;
  if (!Number.isFinite(t)) return `timestamp is ${t}`;
  if (step > 0 && t % step !== 0) return `timestamp ${isoTime(t)} is not on the timeframe grid`;
  for (const f of PRICE_FIELDS) {
    const v = s[f][i] as number;
    if (!Number.isFinite(v)) return `${f} is ${v}`;
    if (v < 0) return `${f} ${v} is negative`;
  }
  const v = s.volume[i] as number;
  if (!Number.isFinite(v)) return `volume is ${v}`;
  if (v < 0) return `volume ${v} is negative`;
  const o = s.open[i] as number;
  const h = s.high[i] as number;
  const l = s.low[i] as number;
  const c = s.close[i] as number;
  if (h < o || h < c) return `high ${h} is below ${h < o ? `open ${o}` : `close ${c}`}`;
  if (l > o || l > c) return `low ${l} is above ${l > o ? `open ${o}` : `close ${c}`}`;
  return undefined;
}

/** ISO-8601 time of a ms timestamp, or the raw number when it is not a valid date. */
export function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}
