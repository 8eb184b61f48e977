/**
 * {@link rawStochInto}'s fast %K and Williams %R of one period in a single
 * pass: the window's highest high and lowest low are tracked once (TA-Lib's
 * rescan-on-exit, as in ta_STOCH.c and ta_WILLR.c) and both formulas are
 * applied to them, with exactly rawStochInto's arithmetic for each output.
 * `%K = (c - lowest) / ((highest - lowest) / 100)`,
 * `%R = (highest - c) / ((highest - lowest) / -100)`, 0 when the range is 0.
 * Writes `kOut[period - 1 ..]` and `rOut[period - 1 ..]`.
 */
export function rawStochPairInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  kOut: Float64Array,
  rOut: Float64Array,
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
    const c = close[i]!;
    const range = hv - lv;
    const dk = range / 100.0;
    const dr = range / -100.0;
    kOut[i] = dk !== 0.0 ? (c - lv) / dk : 0.0;
    rOut[i] = dr !== 0.0 ? (hv - c) / dr : 0.0;
  }
}
