import { assertPeriod } from '../internal/assertPeriod.js';
import { emaFrom } from '../internal/emaFrom.js';
import { nanArray } from '../internal/nanArray.js';

/** The three lines of {@link macd}. */
export interface MacdResult {
  /** Fast EMA minus slow EMA. */
  readonly macd: Float64Array;
  /** EMA of the MACD line. */
  readonly signal: Float64Array;
  /** MACD minus signal. */
  readonly histogram: Float64Array;
}

/**
 * Moving average convergence/divergence, exact to TA-Lib's `MACD`
 * (ta_MACD.c): like TA-Lib, the fast EMA is seeded so that it starts on the
 * same bar as the slow one (its seed SMA covers the `fast` bars ending at bar
 * `slow - 1`), and `fast`/`slow` are swapped when given the wrong way round.
 *
 * @param values - input series, oldest first
 * @param fast - fast EMA period, 2..100000 (TA-Lib default 12)
 * @param slow - slow EMA period, 2..100000 (TA-Lib default 26)
 * @param signal - signal EMA period, 2..100000 (TA-Lib default 9)
 * @returns the three lines; the first `slow + signal - 2` entries of each are NaN
 * @throws InvalidArgumentError when a period is not an integer in range
 * @example
 * ```ts
 * import { macd } from '@sextant/features';
 * const { macd: line, signal, histogram } = macd(series.close, 12, 26, 9);
 * ```
 */
export function macd(values: Float64Array, fast: number, slow: number, signal: number): MacdResult {
  assertPeriod('macd', 'fast', fast, 2);
  assertPeriod('macd', 'slow', slow, 2);
  assertPeriod('macd', 'signal', signal, 2);
  if (slow < fast) [fast, slow] = [slow, fast];
  const n = values.length;
  const start = slow - 1;
  const lb = start + signal - 1;
  const slowE = nanArray(n, start);
  emaFrom(values, 0, slow, 2 / (slow + 1), slowE);
  const fastE = nanArray(n, start);
  emaFrom(values, slow - fast, fast, 2 / (fast + 1), fastE);
  // The MACD line overwrites the fast EMA, the histogram the slow one: 3 arrays, not 5.
  const line = fastE;
  for (let i = start; i < n; i++) line[i] = fastE[i]! - slowE[i]!;
  const sig = nanArray(n, lb);
  emaFrom(line, start, signal, 2 / (signal + 1), sig);
  const hist = slowE;
  hist.fill(Number.NaN, 0, Math.min(n, lb));
  for (let i = lb; i < n; i++) hist[i] = line[i]! - sig[i]!;
  line.fill(Number.NaN, 0, Math.min(n, lb));
  return { macd: line, signal: sig, histogram: hist };
}
