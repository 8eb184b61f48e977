import { stochTilesInto } from './stochTilesInto.js';
import { highestIndex, lowestIndex } from './windowExtremes.js';

/**
 * {@link rawStochInto}'s fast %K and Williams %R of one period in a single
 * pass: the window's highest high and lowest low are tracked once (TA-Lib's
 * rescan-on-exit, as in ta_STOCH.c and ta_WILLR.c) and both formulas are
 * applied to them, with exactly rawStochInto's arithmetic for each output
 * (the range divided by 100 and -100 only when an extreme changes).
 * `%K = (c - lowest) / ((highest - lowest) / 100)`,
 * `%R = (highest - c) / ((highest - lowest) / -100)`, 0 when the range is 0.
 * Writes `kOut[period - 1 ..]` and `rOut[period - 1 ..]`, %R times `rScale`
 * (1 leaves it unchanged). Uses WebAssembly's branch-free window extremes
 * ({@link stochTilesInto}, bit-equal) where it can, else this loop.
 */
export function rawStochPairInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  kOut: Float64Array,
  rOut: Float64Array,
  rScale = 1,
): void {
  if (stochTilesInto(high, low, close, period, kOut, rOut, rScale)) return;
  const n = close.length;
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  let changed = false;
  let dk = 0;
  let dr = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
    const h = high[i]!;
    const l = low[i]!;
    if (hiIdx < start) {
      hiIdx = highestIndex(high, start, i);
      hv = high[hiIdx]!;
      changed = true;
    } else if (h >= hv) {
      hv = h;
      hiIdx = i;
      changed = true;
    }
    if (loIdx < start) {
      loIdx = lowestIndex(low, start, i);
      lv = low[loIdx]!;
      changed = true;
    } else if (l <= lv) {
      lv = l;
      loIdx = i;
      changed = true;
    }
    if (changed) {
      const range = hv - lv;
      dk = range / 100.0;
      dr = range / -100.0;
      changed = false;
    }
    const c = close[i]!;
    kOut[i] = dk !== 0.0 ? (c - lv) / dk : 0.0;
    rOut[i] = (dr !== 0.0 ? (hv - c) / dr : 0.0) * rScale;
  }
}
