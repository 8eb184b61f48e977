import { donchianTilesInto } from './donchianTilesInto.js';
import { highestIndex, lowestIndex } from './windowExtremes.js';

/**
 * The Donchian channel of `period` in one pass: the window's highest high
 * and lowest low tracked the way TA-Lib's MAX and MIN do (ta_MAX.c,
 * ta_MIN.c: keep the extreme's index, rescan only when it leaves the
 * window), starting at the first full window. With `close` given, writes the
 * pipeline's position `(close - lower) / (upper - lower)` (0.5 for a zero
 * width) into `a` and width `(upper - lower) / middle` into `b`; without,
 * writes upper into `a`, lower into `b` and the middle into `mid`. Writes
 * entries `period - 1 ..` only: in WebAssembly tiles
 * ({@link donchianTilesInto}, bit-equal) where it can, else with these loops.
 */
export function donchianInto(
  high: Float64Array,
  low: Float64Array,
  period: number,
  a: Float64Array,
  b: Float64Array,
  mid: Float64Array | undefined,
  close: Float64Array | undefined,
): void {
  if (donchianTilesInto(high, low, period, a, b, mid, close)) return;
  if (close === undefined) bandsInto(high, low, period, a, b, mid!);
  else positionInto(high, low, close, period, a, b);
}

function bandsInto(
  high: Float64Array,
  low: Float64Array,
  period: number,
  upper: Float64Array,
  lower: Float64Array,
  middle: Float64Array,
): void {
  const n = high.length;
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
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
    upper[i] = hv;
    lower[i] = lv;
    middle[i] = (hv + lv) / 2;
  }
}

function positionInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  pos: Float64Array,
  width: Float64Array,
): void {
  const n = high.length;
  let hiIdx = -1;
  let loIdx = -1;
  let hv = 0;
  let lv = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
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
    // scaleFreeValue.position and .width, written out.
    const w = hv - lv;
    pos[i] = w !== 0 ? (close[i]! - lv) / w : Number.isNaN(w) ? Number.NaN : 0.5;
    width[i] = (hv - lv) / ((hv + lv) / 2);
  }
}
