/**
 * TA-Lib's TRANGE (ta_TRANGE.c): `max(h - l, |c[i-1] - h|, |c[i-1] - l|)`
 * from index 1; index 0 is NaN.
 */
export function trueRangeInto(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array): void {
  const n = close.length;
  if (n > 0) out[0] = Number.NaN;
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const cy = close[i - 1]!;
    let g = h - l;
    const v2 = Math.abs(cy - h);
    if (v2 > g) g = v2;
    const v3 = Math.abs(cy - l);
    if (v3 > g) g = v3;
    out[i] = g;
  }
}
