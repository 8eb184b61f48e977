/**
 * TA-Lib's fast %K (ta_STOCH.c, ta_STOCHF.c) or Williams %R (ta_WILLR.c) in
 * one fused pass, tracking the window's highest high and lowest low the way
 * TA-Lib does (rescan only when the extreme leaves the window) and, as TA-Lib
 * does, dividing the range by ±100 only when an extreme changes.
 * `%K = (c - lowest) / ((highest - lowest) / 100)`,
 * `%R = (highest - c) / ((highest - lowest) / -100)`, 0 when the range is 0.
 * Writes `out[period - 1 ..]`.
 */
export function rawStochInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  williams = false,
): void {
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
      hiIdx = start;
      hv = high[start]!;
      // Two candles per step: half the loop overhead, the same comparisons in the same order.
      let k = start + 1;
      for (; k < i; k += 2) {
        const y0 = high[k]!;
        const y1 = high[k + 1]!;
        if (y0 >= hv) {
          hv = y0;
          hiIdx = k;
        }
        if (y1 >= hv) {
          hv = y1;
          hiIdx = k + 1;
        }
      }
      if (k === i) {
        const y = high[k]!;
        if (y >= hv) {
          hv = y;
          hiIdx = k;
        }
      }
      diff = (hv - lv) / per;
    } else if (h >= hv) {
      hv = h;
      hiIdx = i;
      diff = (hv - lv) / per;
    }
    if (loIdx < start) {
      loIdx = start;
      lv = low[start]!;
      // Two candles per step: half the loop overhead, the same comparisons in the same order.
      let k = start + 1;
      for (; k < i; k += 2) {
        const y0 = low[k]!;
        const y1 = low[k + 1]!;
        if (y0 <= lv) {
          lv = y0;
          loIdx = k;
        }
        if (y1 <= lv) {
          lv = y1;
          loIdx = k + 1;
        }
      }
      if (k === i) {
        const y = low[k]!;
        if (y <= lv) {
          lv = y;
          loIdx = k;
        }
      }
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
