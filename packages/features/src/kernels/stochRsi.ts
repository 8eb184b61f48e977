import { assertPeriod } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { rawStochInto } from '../internal/rawStochInto.js';
import { smaFrom } from '../internal/smaFrom.js';
import { rsi } from './rsi.js';
import type { StochasticResult } from './stochastic.js';

/**
 * Stochastic RSI, exact to TA-Lib's `STOCHRSI` with SMA smoothing
 * (ta_STOCHRSI.c): a fast stochastic (STOCHF) of the RSI.
 *
 * @param values - input series, oldest first
 * @param period - RSI period, 2..100000 (usual 14)
 * @param kPeriod - look-back of fast %K over the RSI, 1..100000 (usual 14)
 * @param dPeriod - SMA of %K giving %D, 1..100000 (usual 3)
 * @returns %K and %D in 0..100; the first `period + kPeriod + dPeriod - 2` entries are NaN
 * @throws InvalidArgumentError when a period is out of range
 * @example
 * ```ts
 * import { stochRsi } from '@sextant/features';
 * const { k, d } = stochRsi(series.close, 14, 14, 3);
 * ```
 */
export function stochRsi(values: Float64Array, period: number, kPeriod: number, dPeriod: number): StochasticResult {
  assertPeriod('stochRsi', 'kPeriod', kPeriod, 1);
  assertPeriod('stochRsi', 'dPeriod', dPeriod, 1);
  const r = rsi(values, period);
  const n = values.length;
  const lbK = period + kPeriod - 1;
  const lb = lbK + dPeriod - 1;
  const k = nanArray(n, lbK);
  if (n > period) {
    const rv = r.subarray(period);
    rawStochInto(rv, rv, rv, kPeriod, k.subarray(period));
  }
  const d = nanArray(n, lb);
  smaFrom(k, lbK, dPeriod, d);
  k.fill(Number.NaN, 0, Math.min(n, lb));
  return { k, d };
}
