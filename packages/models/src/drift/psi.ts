import { InvalidArgumentError } from '@sextant/core';

/** Options of {@link psi}. */
export interface PsiOptions {
  /** Number of bins, cut at quantiles of the expected (reference) sample. @default 10 */
  bins?: number;
  /** Share given to an empty bin so the log stays finite. @default 1e-4 */
  epsilon?: number;
}

/**
 * Population Stability Index of `actual` against `expected`:
 * `sum((a_i - e_i) * ln(a_i / e_i))` over bins cut at the quantiles of
 * `expected` (deciles by default), the convention of credit-scoring practice
 * (Siddiqi, "Credit Risk Scorecards", 2006): below 0.1 stable, 0.1-0.25 some
 * shift, above 0.25 a major shift. NaN and infinite values are ignored.
 *
 * @param expected - the reference sample (training window)
 * @param actual - the live sample
 * @param options - bins and epsilon
 * @returns the PSI (>= 0)
 * @throws InvalidArgumentError when either sample has no finite value, or bins < 2
 * @example
 * ```ts
 * import { psi } from '@sextant/models';
 * psi(trainColumn, liveColumn); // 0.03: stable
 * ```
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, options: PsiOptions = {}): number {
  const bins = options.bins ?? 10;
  const eps = options.epsilon ?? 1e-4;
  if (!Number.isInteger(bins) || bins < 2) throw new InvalidArgumentError(`bins must be an integer >= 2, got ${bins}`);
  const e = finiteSorted(expected, 'expected');
  const a = finiteSorted(actual, 'actual');
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const q = e[Math.min(e.length - 1, Math.floor((b * e.length) / bins))]!;
    if (edges.length === 0 || q > edges[edges.length - 1]!) edges.push(q);
  }
  const share = (s: Float64Array): Float64Array => {
    const counts = new Float64Array(edges.length + 1);
    let k = 0;
    for (const v of s) {
      while (k < edges.length && v >= edges[k]!) k++;
      counts[k]!++;
    }
    return counts.map((c) => Math.max(c / s.length, eps));
  };
  const pe = share(e);
  const pa = share(a);
  let total = 0;
  for (let i = 0; i < pe.length; i++) total += (pa[i]! - pe[i]!) * Math.log(pa[i]! / pe[i]!);
  return total;
}

/**
 * The finite values of a sample, sorted ascending. Internal to drift.
 *
 * @param x - the sample
 * @param what - name used in the message
 * @returns sorted finite values
 * @throws InvalidArgumentError when none is finite
 */
export function finiteSorted(x: ArrayLike<number>, what: string): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]!)) out.push(x[i]!);
  if (out.length === 0) throw new InvalidArgumentError(`${what} sample has no finite value (${x.length} values)`);
  return Float64Array.from(out).sort();
}
