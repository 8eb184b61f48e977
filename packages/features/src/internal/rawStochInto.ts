import { rollingExtremeInto } from './rollingArgExtreme.js';

/**
 * TA-Lib's fast %K (ta_STOCH.c, ta_STOCHF.c): `(c - lowest) / ((highest -
 * lowest) / 100)`, 0 when the range is 0. Writes `out[kPeriod - 1 ..]`.
 */
export function rawStochInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kPeriod: number,
  out: Float64Array,
): void {
  const n = close.length;
  const hh = new Float64Array(n);
  const ll = new Float64Array(n);
  rollingExtremeInto(high, kPeriod, true, hh);
  rollingExtremeInto(low, kPeriod, false, ll);
  for (let i = kPeriod - 1; i < n; i++) {
    const lo = ll[i]!;
    const diff = (hh[i]! - lo) / 100.0;
    out[i] = diff !== 0.0 ? (close[i]! - lo) / diff : 0.0;
  }
}
