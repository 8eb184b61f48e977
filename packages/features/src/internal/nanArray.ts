/** A `Float64Array` of `n` values with the first `warmup` set to NaN (all NaN when `warmup >= n`). */
export function nanArray(n: number, warmup: number): Float64Array {
  const out = new Float64Array(n);
  out.fill(Number.NaN, 0, Math.min(n, Math.max(0, warmup)));
  return out;
}
