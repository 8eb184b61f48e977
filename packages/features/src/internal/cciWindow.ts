/**
 * CCI of one full window held in `ring` (slot `i % period`, TA-Lib's
 * circular-buffer layout) for the newest typical price `tp`. The average is
 * summed in TA-Lib's slot order, so `tp - avg` is 0 exactly when TA-Lib's
 * is; the mean deviation is summed four lanes at a time (a different order
 * than TA-Lib's, within 1e-15 relative, and 0 exactly when all terms are).
 * Shared by the kernel and its streaming twin so both give the same bits.
 */
export function cciWindow(ring: Float64Array, period: number, tp: number): number {
  let sum = 0;
  for (let j = 0; j < period; j++) sum += ring[j]!;
  const avg = sum / period;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let j = 0;
  for (; j + 3 < period; j += 4) {
    d0 += Math.abs(ring[j]! - avg);
    d1 += Math.abs(ring[j + 1]! - avg);
    d2 += Math.abs(ring[j + 2]! - avg);
    d3 += Math.abs(ring[j + 3]! - avg);
  }
  for (; j < period; j++) d0 += Math.abs(ring[j]! - avg);
  const dev = d0 + d1 + (d2 + d3);
  const t = tp - avg;
  return t !== 0.0 && dev !== 0.0 ? t / (0.015 * (dev / period)) : 0.0;
}
