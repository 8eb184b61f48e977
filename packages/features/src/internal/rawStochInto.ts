import { stochTilesInto } from './stochTilesInto.js';
import { highestIndex, lowestIndex } from './windowExtremes.js';

/**
 * TA-Lib's fast %K (ta_STOCH.c, ta_STOCHF.c) or Williams %R (ta_WILLR.c) in
 * one fused pass, tracking the window's highest high and lowest low the way
 * TA-Lib does (rescan only when the extreme leaves the window) and, as TA-Lib
 * does, dividing the range by ±100 only when an extreme changes.
 * `%K = (c - lowest) / ((highest - lowest) / 100)`,
 * `%R = (highest - c) / ((highest - lowest) / -100)`, 0 when the range is 0.
 * Writes `out[period - 1 ..]`: with WebAssembly's branch-free window extremes
 * ({@link stochTilesInto}, bit-equal) where it can, else with this loop.
 */
export function rawStochInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  williams = false,
): void {
  if (stochTilesInto(high, low, close, period, williams ? undefined : out, williams ? out : undefined, 1)) return;
  const n = close.length;
  const per = williams ? -100.0 : 100.0;
  // TA-Lib's loop starts at the first full window with no extreme known, so
  // the first bar scans its whole window.
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  let diff = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
    const h = high[i]!;
    const l = low[i]!;
    if (hiIdx < start) {
      hiIdx = highestIndex(high, start, i);
      hv = high[hiIdx]!;
      diff = (hv - lv) / per;
    } else if (h >= hv) {
      hv = h;
      hiIdx = i;
      diff = (hv - lv) / per;
    }
    if (loIdx < start) {
      loIdx = lowestIndex(low, start, i);
      lv = low[loIdx]!;
      diff = (hv - lv) / per;
    } else if (l <= lv) {
      lv = l;
      loIdx = i;
      diff = (hv - lv) / per;
    }
    if (williams) out[i] = diff !== 0.0 ? (hv - close[i]!) / diff : 0.0;
    else out[i] = diff !== 0.0 ? (close[i]! - lv) / diff : 0.0;
  }
}
