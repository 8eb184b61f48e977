/**
 * TA-Lib's INT_EMA over `src[start..]` (default compatibility): seeded with
 * the SMA of the first `period` values, then `((x - prev) * k) + prev`,
 * writing `out[start + period - 1 ..]`.
 */
export function emaFrom(src: Float64Array, start: number, period: number, k: number, out: Float64Array): void {
  const n = src.length;
  const first = start + period - 1;
  if (first >= n) return;
  let sum = 0;
  for (let i = start; i <= first; i++) sum += src[i]!;
  let prev = sum / period;
  out[first] = prev;
  for (let i = first + 1; i < n; i++) {
    prev = (src[i]! - prev) * k + prev;
    out[i] = prev;
  }
}
