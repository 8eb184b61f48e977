import { TA_EPSILON } from './taConstants.js';

/**
 * Bollinger bands in one pass over `src`: the running sums of stddevInto
 * (ta_STDDEV.c's variance) give the mean, which is exactly smaFrom's SMA
 * (the same additions and subtractions in the same order), and the
 * standard deviation; `sd * stdDev` is added to and subtracted from it.
 * With `close` given, writes the pipeline's position of the close in the
 * band (0.5 for a zero width) into `a` and width `(upper - lower) / middle`
 * into `b`; without, writes upper into `a`, lower into `b` and the middle
 * into `mid`. Writes entries `period - 1 ..` only.
 */
export function bollingerInto(
  src: Float64Array,
  period: number,
  stdDev: number,
  a: Float64Array,
  b: Float64Array,
  mid: Float64Array | undefined,
  close: Float64Array | undefined,
): void {
  if (close === undefined) bandsInto(src, period, stdDev, a, b, mid!);
  else positionInto(src, period, stdDev, a, b);
}

function bandsInto(
  src: Float64Array,
  period: number,
  stdDev: number,
  upper: Float64Array,
  lower: Float64Array,
  middle: Float64Array,
): void {
  const n = src.length;
  const first = period - 1;
  if (first >= n) return;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < first; i++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
  }
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
    const m1 = t1 / period;
    const m2 = t2 / period;
    const y = src[t]!;
    t1 -= y;
    t2 -= y * y;
    const v = m2 - m1 * m1;
    const sd = v < TA_EPSILON ? 0 : Math.sqrt(v);
    middle[i] = m1;
    upper[i] = m1 + sd * stdDev;
    lower[i] = m1 - sd * stdDev;
  }
}

function positionInto(src: Float64Array, period: number, stdDev: number, pos: Float64Array, width: Float64Array): void {
  const n = src.length;
  const first = period - 1;
  if (first >= n) return;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < first; i++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
  }
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = src[i]!;
    t1 += x;
    t2 += x * x;
    const m1 = t1 / period;
    const m2 = t2 / period;
    const y = src[t]!;
    t1 -= y;
    t2 -= y * y;
    const v = m2 - m1 * m1;
    const sd = v < TA_EPSILON ? 0 : Math.sqrt(v);
    const upper = m1 + sd * stdDev;
    const lower = m1 - sd * stdDev;
    // scaleFreeValue.position and .width, written out.
    const w = upper - lower;
    pos[i] = w !== 0 ? (x - lower) / w : Number.isNaN(w) ? Number.NaN : 0.5;
    width[i] = (upper - lower) / m1;
  }
}
