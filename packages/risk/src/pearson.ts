/**
 * Pearson's sample correlation coefficient, or undefined when either series is constant.
 *
 * @param xs - first series
 * @param ys - second series, same length
 * @returns r in [-1, 1]
 * @example
 * ```ts
 * import { pearson } from '@sextant/risk';
 * pearson([1, 2, 3], [2, 4, 7]); // 0.993...
 * ```
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
