import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { rawStochInto } from '../internal/rawStochInto.js';
import { smaFrom } from '../internal/smaFrom.js';

/** The two lines of {@link stochastic} and {@link stochRsi}. */
export interface StochasticResult {
  /** %K in 0..100. */
  readonly k: Float64Array;
  /** %D, the SMA of %K, in 0..100. */
  readonly d: Float64Array;
}

/**
 * Slow stochastic oscillator, exact to TA-Lib's `STOCH` with SMA smoothing
 * (ta_STOCH.c): fast %K over `kPeriod` bars (0 when the range is 0),
 * smoothed by an SMA of `kSmooth` into %K, whose SMA of `dPeriod` is %D.
 * Rolling highs and lows follow TA-Lib: rescan only when the extreme leaves the window.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param kPeriod - look-back of fast %K, 1..100000 (usual 14)
 * @param kSmooth - SMA of fast %K giving %K, 1..100000 (usual 3)
 * @param dPeriod - SMA of %K giving %D, 1..100000 (usual 3)
 * @returns %K and %D; the first `kPeriod + kSmooth + dPeriod - 3` entries are NaN
 * @throws InvalidArgumentError when lengths differ or a period is out of range
 * @example
 * ```ts
 * import { stochastic } from '@sextant/features';
 * const { k, d } = stochastic(series.high, series.low, series.close, 14, 3, 3);
 * ```
 */
export function stochastic(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kPeriod: number,
  kSmooth: number,
  dPeriod: number,
): StochasticResult {
  assertPeriod('stochastic', 'kPeriod', kPeriod, 1);
  assertPeriod('stochastic', 'kSmooth', kSmooth, 1);
  assertPeriod('stochastic', 'dPeriod', dPeriod, 1);
  const n = assertSameLength('stochastic', { high, low, close });
  const fast = nanArray(n, kPeriod - 1);
  rawStochInto(high, low, close, kPeriod, fast);
  const lbK = kPeriod + kSmooth - 2;
  const lb = lbK + dPeriod - 1;
  const k = nanArray(n, lbK);
  smaFrom(fast, kPeriod - 1, kSmooth, k);
  // %D overwrites fast %K, which is no longer needed.
  const d = fast.fill(Number.NaN, 0, Math.min(n, lb));
  smaFrom(k, lbK, dPeriod, d);
  k.fill(Number.NaN, 0, Math.min(n, lb));
  return { k, d };
}
