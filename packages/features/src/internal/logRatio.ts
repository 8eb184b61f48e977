/** Past this distance of the ratio from 1 the series below is not used (Math.log is). */
const NEAR_ONE = 0.0625;

/**
 * `ln(a / b)`: the log return every log-return kernel and streaming twin
 * shares, so batch and streaming stay bit-equal. For a ratio `x` within
 * 1/16 of 1 (nearly every bar-to-bar return) it is `2 atanh(u)` with
 * `u = (x - 1) / (x + 1)`, summed to the `u^11` term: `x - 1` is exact there
 * (Sterbenz), the series' truncation is below 2e-18 relative and the result
 * within a few ulps of `Math.log(x)`, at a fraction of its cost. Farther from
 * 1, `Math.log(x)` itself. Internal.
 *
 * @param a - the newer value
 * @param b - the older value
 * @returns the natural log of a / b
 */
export function logRatio(a: number, b: number): number {
  const x = a / b;
  const d = x - 1;
  if (!(d < NEAR_ONE && d > -NEAR_ONE)) return Math.log(x);
  const u = d / (x + 1);
  const u2 = u * u;
  return 2 * u * (1 + u2 * (1 / 3 + u2 * (1 / 5 + u2 * (1 / 7 + u2 * (1 / 9 + u2 * (1 / 11))))));
}
