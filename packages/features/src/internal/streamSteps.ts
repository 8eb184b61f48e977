import { TA_EPSILON } from './taConstants.js';

/** Running-sum SMA state (mirrors smaFrom). */
export interface SmaState {
  total: number;
  ring: Float64Array;
}
export const smaState = (period: number): SmaState => ({ total: 0, ring: new Float64Array(period) });

/** One SMA step for the `j`-th input of this SMA; NaN before `period - 1`. */
export function smaStep(s: SmaState, x: number, j: number, period: number): number {
  s.ring[j % period] = x;
  s.total += x;
  if (j < period - 1) return Number.NaN;
  const t = s.total;
  s.total -= s.ring[(j + 1) % period]!;
  return t / period;
}

/** EMA state (mirrors emaFrom). */
export interface EmaState {
  sum: number;
  prev: number;
}
export const emaState = (): EmaState => ({ sum: 0, prev: 0 });

/** One EMA step for the `j`-th input of this EMA; NaN before `period - 1`. */
export function emaStep(s: EmaState, x: number, j: number, period: number, k: number): number {
  if (j < period - 1) {
    s.sum += x;
    return Number.NaN;
  }
  if (j === period - 1) {
    s.sum += x;
    s.prev = s.sum / period;
  } else {
    s.prev = (x - s.prev) * k + s.prev;
  }
  return s.prev;
}

/** Running-sums standard deviation state (mirrors stddevInto). */
export interface StdState {
  t1: number;
  t2: number;
  ring: Float64Array;
}
export const stdState = (period: number): StdState => ({ t1: 0, t2: 0, ring: new Float64Array(period) });

/** One standard-deviation step for the `j`-th input; NaN before `period - 1`. */
export function stdStep(s: StdState, x: number, j: number, period: number, nbDev: number): number {
  s.ring[j % period] = x;
  s.t1 += x;
  s.t2 += x * x;
  if (j < period - 1) return Number.NaN;
  const m1 = s.t1 / period;
  const m2 = s.t2 / period;
  const y = s.ring[(j + 1) % period]!;
  s.t1 -= y;
  s.t2 -= y * y;
  const v = m2 - m1 * m1;
  return v < TA_EPSILON ? 0 : Math.sqrt(v) * nbDev;
}

/** Wilder ATR state (mirrors atr). */
export interface AtrState {
  prevClose: number;
  total: number;
  prev: number;
}
export const atrState = (): AtrState => ({ prevClose: 0, total: 0, prev: 0 });

/** One ATR step for input `i`; NaN before `period`. */
export function atrStep(s: AtrState, h: number, l: number, c: number, i: number, period: number): number {
  if (i === 0) {
    s.prevClose = c;
    return Number.NaN;
  }
  const cy = s.prevClose;
  s.prevClose = c;
  let g = h - l;
  const v2 = Math.abs(cy - h);
  if (v2 > g) g = v2;
  const v3 = Math.abs(cy - l);
  if (v3 > g) g = v3;
  if (period === 1) return g;
  if (i < period) {
    s.total += g;
    return Number.NaN;
  }
  if (i === period) {
    s.total += g;
    s.prev = s.total / period;
    return s.prev;
  }
  s.prev *= period - 1;
  s.prev += g;
  s.prev /= period;
  return s.prev;
}

/** Highest and lowest of the `count` latest entries of two rings written at `i % size`. */
export function ringExtremes(hi: Float64Array, lo: Float64Array, i: number, count: number): [number, number] {
  const size = hi.length;
  let h = Number.NEGATIVE_INFINITY;
  let l = Number.POSITIVE_INFINITY;
  for (let t = i - count + 1; t <= i; t++) {
    const slot = t % size;
    if (hi[slot]! > h) h = hi[slot]!;
    if (lo[slot]! < l) l = lo[slot]!;
  }
  return [h, l];
}

/** Wilder RSI state (mirrors rsi). */
export interface RsiState {
  prev: number;
  gain: number;
  loss: number;
}
export const rsiState = (): RsiState => ({ prev: 0, gain: 0, loss: 0 });

/** One RSI step for input `i`; NaN before `period`. */
export function rsiStep(s: RsiState, x: number, i: number, p: number): number {
  if (i === 0) {
    s.prev = x;
    return Number.NaN;
  }
  const d = x - s.prev;
  s.prev = x;
  if (i <= p) {
    if (d < 0) s.loss -= d;
    else s.gain += d;
    if (i < p) return Number.NaN;
  } else {
    s.loss *= p - 1;
    s.gain *= p - 1;
    if (d < 0) s.loss -= d;
    else s.gain += d;
  }
  s.loss /= p;
  s.gain /= p;
  const t = s.gain + s.loss;
  return -TA_EPSILON < t && t < TA_EPSILON ? 0 : 100.0 * (s.gain / t);
}
