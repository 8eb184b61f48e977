import { aroonTilesInto } from '../internal/aroonTilesInto.js';
import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';
import { highestIndex, lowestIndex } from '../internal/windowExtremes.js';

/** The two lines of {@link aroon}. */
export interface AroonResult {
  /** Aroon up: 100 when the high of the last `period + 1` bars is the current one. */
  readonly up: Float64Array;
  /** Aroon down: 100 when the low of the last `period + 1` bars is the current one. */
  readonly down: Float64Array;
}

/**
 * Aroon up/down, exact to TA-Lib's `AROON` (ta_AROON.c): over the last
 * `period + 1` bars, `100 / period * (period - barsSinceExtreme)`, the most
 * recent extreme winning ties.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param period - look-back, 2..100000 (usual 14 or 25)
 * @returns up and down in 0..100; the first `period` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { aroon } from '@sextant/features';
 * const { up, down } = aroon(series.high, series.low, 25);
 * ```
 */
export function aroon(high: Float64Array, low: Float64Array, period: number): AroonResult {
  assertPeriod('aroon', 'period', period, 2);
  const n = assertSameLength('aroon', { high, low });
  const up = nanArray(n, period);
  const down = nanArray(n, period);
  aroonInto(high, low, period, up, down, 1);
  return { up, down };
}

/**
 * {@link aroon}'s loop into `up[period ..]` and `down[period ..]`, each value
 * times `scale` (the pipeline's 0.01; 1 leaves it unchanged): in WebAssembly
 * tiles (aroonTilesInto, bit-equal) where it can, else with this loop.
 */
export function aroonInto(
  high: Float64Array,
  low: Float64Array,
  period: number,
  up: Float64Array,
  down: Float64Array,
  scale: number,
): void {
  if (aroonTilesInto(high, low, period, up, down, scale)) return;
  const n = high.length;
  const factor = 100.0 / period;
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  for (let i = period; i < n; i++) {
    const start = i - period;
    const h = high[i]!;
    const l = low[i]!;
    if (hiIdx < start) {
      hiIdx = highestIndex(high, start, i);
      hv = high[hiIdx]!;
    } else if (h >= hv) {
      hv = h;
      hiIdx = i;
    }
    if (loIdx < start) {
      loIdx = lowestIndex(low, start, i);
      lv = low[loIdx]!;
    } else if (l <= lv) {
      lv = l;
      loIdx = i;
    }
    up[i] = factor * (period - (i - hiIdx)) * scale;
    down[i] = factor * (period - (i - loIdx)) * scale;
  }
}
