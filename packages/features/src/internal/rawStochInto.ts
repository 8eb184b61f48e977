/**
 * TA-Lib's fast %K (ta_STOCH.c, ta_STOCHF.c) or Williams %R (ta_WILLR.c) in
 * one fused pass, tracking the window's highest high and lowest low the way
 * TA-Lib does (rescan only when the extreme leaves the window).
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
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  for (let i = 0; i < n; i++) {
    const start = i - period + 1;
    const h = high[i]!;
    const l = low[i]!;
    if (hiIdx < start || hiIdx < 0) {
      hiIdx = Math.max(start, 0);
      hv = high[hiIdx]!;
      for (let k = hiIdx + 1; k <= i; k++) {
        const y = high[k]!;
        if (y >= hv) {
          hv = y;
          hiIdx = k;
        }
      }
    } else if (h >= hv) {
      hv = h;
      hiIdx = i;
    }
    if (loIdx < start || loIdx < 0) {
      loIdx = Math.max(start, 0);
      lv = low[loIdx]!;
      for (let k = loIdx + 1; k <= i; k++) {
        const y = low[k]!;
        if (y <= lv) {
          lv = y;
          loIdx = k;
        }
      }
    } else if (l <= lv) {
      lv = l;
      loIdx = i;
    }
    if (start < 0) continue;
    if (williams) {
      const diff = (hv - lv) / -100.0;
      out[i] = diff !== 0.0 ? (hv - close[i]!) / diff : 0.0;
    } else {
      const diff = (hv - lv) / 100.0;
      out[i] = diff !== 0.0 ? (close[i]! - lv) / diff : 0.0;
    }
  }
}
