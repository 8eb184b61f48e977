/**
 * Format a fraction as a percentage with a fixed number of decimals, e.g.
 * `formatPercent(0.01234, 3)` is `"1.234%"`. Several times faster than
 * `toFixed` (integer formatting), for reasons built on every candle. Rounds
 * half away from zero on the scaled value; non-finite values print as
 * `"NaN%"`, `"Infinity%"`.
 *
 * @param x - the fraction (0.01 = 1%)
 * @param digits - decimals after the point, 0..10. @default 2
 * @returns the percentage text
 * @example
 * ```ts
 * import { formatPercent } from '@sextant/core';
 * formatPercent(-0.0005, 3); // "-0.050%"
 * ```
 */
export function formatPercent(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return `${x}%`;
  const scaled = Math.round(Math.abs(x) * 100 * POW[digits]!);
  if (scaled > Number.MAX_SAFE_INTEGER || POW[digits] === undefined) return `${(x * 100).toFixed(digits)}%`;
  let s = String(scaled);
  if (digits > 0) {
    if (s.length <= digits) s = '0'.repeat(digits - s.length + 1) + s;
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return x < 0 && scaled !== 0 ? `-${s}%` : `${s}%`;
}

const POW = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
