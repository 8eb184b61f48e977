import { TA_EPSILON } from './taConstants.js';

/**
 * rsiInto() of two periods `a < b` in one pass over `values` (needs
 * `values.length > b`): both Wilder averages share each bar's difference and
 * their two division chains interleave. Each output is bit-equal to
 * `rsiInto(values, period, out, scale)` of its own period: the same
 * operations in the same order (the sums over bars `1..a` are the first
 * part of the sums over `1..b`).
 */
export function rsiPairInto(
  values: Float64Array,
  a: number,
  outA: Float64Array,
  b: number,
  outB: Float64Array,
  scale: number,
): void {
  const n = values.length;
  let prev = values[0]!;
  let gainB = 0;
  let lossB = 0;
  for (let i = 1; i <= a; i++) {
    const x = values[i]!;
    const d = x - prev;
    prev = x;
    if (d < 0) lossB -= d;
    else gainB += d;
  }
  let lossA = lossB / a;
  let gainA = gainB / a;
  let s = gainA + lossA;
  outA[a] = (-TA_EPSILON < s && s < TA_EPSILON ? 0 : 100.0 * (gainA / s)) * scale;
  const am1 = a - 1;
  for (let i = a + 1; i <= b; i++) {
    const x = values[i]!;
    const d = x - prev;
    prev = x;
    lossA *= am1;
    gainA *= am1;
    if (d < 0) {
      lossB -= d;
      lossA -= d;
    } else {
      gainB += d;
      gainA += d;
    }
    lossA /= a;
    gainA /= a;
    s = gainA + lossA;
    outA[i] = (-TA_EPSILON < s && s < TA_EPSILON ? 0 : 100.0 * (gainA / s)) * scale;
  }
  lossB /= b;
  gainB /= b;
  s = gainB + lossB;
  outB[b] = (-TA_EPSILON < s && s < TA_EPSILON ? 0 : 100.0 * (gainB / s)) * scale;
  const bm1 = b - 1;
  for (let i = b + 1; i < n; i++) {
    const x = values[i]!;
    const d = x - prev;
    prev = x;
    lossA *= am1;
    gainA *= am1;
    lossB *= bm1;
    gainB *= bm1;
    if (d < 0) {
      lossA -= d;
      lossB -= d;
    } else {
      gainA += d;
      gainB += d;
    }
    lossA /= a;
    gainA /= a;
    lossB /= b;
    gainB /= b;
    const sA = gainA + lossA;
    const sB = gainB + lossB;
    outA[i] = (-TA_EPSILON < sA && sA < TA_EPSILON ? 0 : 100.0 * (gainA / sA)) * scale;
    outB[i] = (-TA_EPSILON < sB && sB < TA_EPSILON ? 0 : 100.0 * (gainB / sB)) * scale;
  }
}
