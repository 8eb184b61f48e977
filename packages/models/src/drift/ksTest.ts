import { finiteSorted } from './psi.js';

/** Result of {@link ksTest}. */
export interface KsResult {
  /** The largest distance between the two empirical CDFs, 0..1. */
  statistic: number;
  /** Asymptotic p-value: the Kolmogorov distribution's survival at `sqrt(n m / (n + m)) * D`. */
  pValue: number;
}

/**
 * Two-sample Kolmogorov-Smirnov test. The statistic equals
 * `scipy.stats.ks_2samp(a, b).statistic`; the p-value is the asymptotic one,
 * `scipy.stats.kstwobign.sf(sqrt(n m / (n + m)) * D)` (accurate for the
 * window sizes drift monitoring uses, hundreds of rows and up). NaN and
 * infinite values are ignored.
 *
 * @param a - first sample (training window)
 * @param b - second sample (live window)
 * @returns statistic and p-value
 * @throws InvalidArgumentError when either sample has no finite value
 * @example
 * ```ts
 * import { ksTest } from '@sextant/models';
 * const { statistic, pValue } = ksTest(trainColumn, liveColumn);
 * ```
 */
export function ksTest(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const x = finiteSorted(a, 'first');
  const y = finiteSorted(b, 'second');
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < n && x[i] === v) i++;
    while (j < m && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return { statistic: d, pValue: kolmogorovSurvival(Math.sqrt((n * m) / (n + m)) * d) };
}

/** P(K > t) for the Kolmogorov distribution: `2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 t^2)`, or `1 - sqrt(2 pi)/t sum exp(-(2k-1)^2 pi^2 / (8 t^2))` for small t. */
function kolmogorovSurvival(t: number): number {
  if (t <= 0) return 1;
  if (t < 1) {
    let s = 0;
    for (let k = 1; k <= 50; k++) s += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * t * t));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / t) * s));
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * t * t);
    s += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-300) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}
