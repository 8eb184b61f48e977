import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Chaikin money flow over `period` bars: `sum(mfv) / sum(v)` with money flow
 * volume `mfv = ((c - l) - (h - c)) / (h - l) * v` (0 when `h == l`), as in
 * pandas-ta's `cmf`; NaN when the window has no volume. Running sums as in
 * TA-Lib's `SUM`, the reference it is tested against.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param volume - volumes
 * @param period - window, 1..100000 (usual 20)
 * @returns values in -1..1; the first `period - 1` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { cmf } from '@sextant/features';
 * const c = cmf(series.high, series.low, series.close, series.volume, 20);
 * ```
 */
export function cmf(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
): Float64Array {
  assertPeriod('cmf', 'period', period, 1);
  const n = assertSameLength('cmf', { high, low, close, volume });
  const out = nanArray(n, period - 1);
  cmfInto(high, low, close, volume, period, out);
  return out;
}

/** {@link cmf}'s loop into `out[period - 1 ..]` (the pipeline passes an unzeroed column). */
export function cmfInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
  out: Float64Array,
): void {
  const n = close.length;
  // Money flow volume of the window in a ring (slot i % period) instead of
  // an n-long temporary column: the double subtracted when a bar leaves is
  // the one that was added, so the sums are the same as with the column.
  const ring = new Float64Array(period);
  let sm = 0;
  let sv = 0;
  let slot = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    const r = h - l;
    const x = r !== 0 ? ((c - l - (h - c)) / r) * volume[i]! : 0;
    ring[slot] = x;
    if (++slot === period) slot = 0; // now the slot of bar i - period + 1
    sm += x;
    sv += volume[i]!;
    if (i < period - 1) continue;
    out[i] = sv > 0 ? sm / sv : Number.NaN;
    sm -= ring[slot]!;
    sv -= volume[i - period + 1]!;
  }
}
