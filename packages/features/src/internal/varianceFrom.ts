import { TA_EPSILON } from './taConstants.js';

/**
 * TA-Lib's INT_VAR followed by STDDEV's square root (ta_VAR.c, ta_STDDEV.c):
 * population variance from running sums of x and x^2, `mean2 - mean1^2`;
 * values below TA_EPSILON become 0. Writes `out[period - 1 ..]`.
 */
export function stddevInto(src: Float64Array, period: number, nbDev: number, out: Float64Array): void {
  const n = src.length;
  const first = period - 1;
  if (first >= n) return;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < first; i++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
  }
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
    const m1 = t1 / period;
    const m2 = t2 / period;
    const y = src[t]!;
    t1 -= y;
    t2 -= y * y;
    const v = m2 - m1 * m1;
    out[i] = v < TA_EPSILON ? 0 : Math.sqrt(v) * nbDev;
  }
}

/**
 * `stddev(src, period)` divided by `src` itself (`scaleFree.divide`, 0 where
 * the value is 0): stddevInto's arithmetic with the ratio written in the
 * same pass. Writes `out[period - 1 ..]`.
 */
export function stddevRatioInto(src: Float64Array, period: number, out: Float64Array): void {
  const n = src.length;
  const first = period - 1;
  if (first >= n) return;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < first; i++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
  }
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
    const m1 = t1 / period;
    const m2 = t2 / period;
    const y = src[t]!;
    t1 -= y;
    t2 -= y * y;
    const v = m2 - m1 * m1;
    const sd = v < TA_EPSILON ? 0 : Math.sqrt(v);
    out[i] = x !== 0 ? sd / x : Number.isNaN(sd) || Number.isNaN(x) ? Number.NaN : 0;
  }
}
