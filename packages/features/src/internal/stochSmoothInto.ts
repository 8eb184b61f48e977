/**
 * `stochastic()`'s slow %K (SMA of `kSmooth` over fast %K) and %D (SMA of
 * `dPeriod` over slow %K), each times `scale`, in one pass over the fast %K
 * in `fastD`: both running sums are smaFrom's arithmetic, the windows they
 * drop values from are kept in small rings (unscaled), and %D is written
 * over the fast %K it no longer needs. `fastD` holds fast %K from
 * `kPeriod - 1`; writes `k` and `fastD` from `kPeriod + kSmooth + dPeriod - 3`
 * (entries before are left as they are).
 */
export function stochSmoothInto(
  fastD: Float64Array,
  k: Float64Array,
  kPeriod: number,
  kSmooth: number,
  dPeriod: number,
  scale: number,
): void {
  const n = fastD.length;
  const start = kPeriod - 1;
  const lbK = start + kSmooth - 1;
  const lb = lbK + dPeriod - 1;
  if (lb >= n) return;
  const fr = new Float64Array(kSmooth); // fast %K of the slow %K's window
  const kr = new Float64Array(dPeriod); // slow %K of the %D's window
  let fs = 0; // fr slot of the oldest value
  let ks = 0;
  let kt = 0; // slow %K running total
  let dt = 0; // %D running total
  for (let i = start; i < lbK; i++) {
    const f = fastD[i]!;
    kt += f;
    fr[fs] = f;
    if (++fs === kSmooth) fs = 0;
  }
  for (let i = lbK; i < n; i++) {
    const f = fastD[i]!;
    kt += f;
    fr[fs] = f;
    if (++fs === kSmooth) fs = 0;
    const kv = kt / kSmooth;
    kt -= fr[fs]!;
    dt += kv;
    kr[ks] = kv;
    if (++ks === dPeriod) ks = 0;
    if (i < lb) continue;
    const dv = dt / dPeriod;
    dt -= kr[ks]!;
    k[i] = kv * scale;
    fastD[i] = dv * scale;
  }
}
