/**
 * TA-Lib's INT_SMA over `src[start..]`: running sum, add-then-subtract, as
 * ta_SMA.c does it, writing `out[start + period - 1 ..]`. Leaves earlier
 * entries of `out` untouched. Each average is multiplied by `scale` (1
 * leaves it unchanged).
 */
export function smaFrom(src: Float64Array, start: number, period: number, out: Float64Array, scale = 1): void {
  const n = src.length;
  const first = start + period - 1;
  if (first >= n) return;
  let total = 0;
  for (let i = start; i < first; i++) total += src[i]!;
  for (let i = first, t = start; i < n; i++, t++) {
    total += src[i]!;
    const s = total;
    total -= src[t]!;
    out[i] = (s / period) * scale;
  }
}
