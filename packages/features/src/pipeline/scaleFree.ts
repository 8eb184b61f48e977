import { column } from '../internal/column.js';

/**
 * Element-wise helpers that turn indicator outputs into scale-free features.
 * `out` may be one of the inputs (each element is read before it is
 * written), which saves an allocation per feature. NaN in, NaN out; a zero denominator gives the documented neutral value
 * instead of Infinity (the same convention TA-Lib uses for STOCH and WILLR).
 */
export const scaleFree = {
  /** `a / b - 1` (price relative to an average); NaN where `b` is 0. */
  relative(a: Float64Array, b: Float64Array, out: Float64Array = new Float64Array(a.length)): Float64Array {
    for (let i = 0; i < a.length; i++) {
      const d = b[i]!;
      out[i] = d !== 0 ? a[i]! / d - 1 : Number.NaN;
    }
    return out;
  },
  /** `a / b`, 0 where `b` is 0 (volume ratio with no volume at all). */
  divide(a: Float64Array, b: Float64Array, out: Float64Array = new Float64Array(a.length)): Float64Array {
    for (let i = 0; i < a.length; i++) {
      const d = b[i]!;
      const x = a[i]!;
      out[i] = d !== 0 ? x / d : Number.isNaN(x) || Number.isNaN(d) ? Number.NaN : 0;
    }
    return out;
  },
  /** `x * k` in place. */
  scale(x: Float64Array, k: number): Float64Array {
    for (let i = 0; i < x.length; i++) x[i] = x[i]! * k;
    return x;
  },
  /** Position of `x` in the band: `(x - lo) / (hi - lo)`, 0.5 for a zero-width band. */
  position(
    x: Float64Array,
    lo: Float64Array,
    hi: Float64Array,
    out: Float64Array = new Float64Array(x.length),
  ): Float64Array {
    for (let i = 0; i < x.length; i++) {
      const l = lo[i]!;
      const w = hi[i]! - l;
      out[i] = w !== 0 ? (x[i]! - l) / w : Number.isNaN(w) ? Number.NaN : 0.5;
    }
    return out;
  },
  /** Band width relative to its middle: `(hi - lo) / mid`. */
  width(
    lo: Float64Array,
    hi: Float64Array,
    mid: Float64Array,
    out: Float64Array = new Float64Array(lo.length),
  ): Float64Array {
    for (let i = 0; i < lo.length; i++) out[i] = (hi[i]! - lo[i]!) / mid[i]!;
    return out;
  },
  /** `x` delayed by `lag` bars (the first `lag` entries NaN). */
  shift(x: Float64Array, lag: number): Float64Array {
    if (lag === 0) return x;
    const out = column(x.length, lag);
    if (lag < x.length) out.set(x.subarray(0, x.length - lag), lag);
    return out;
  },
  /**
   * OBV change over `period` bars divided by the volume traded in them (-1..1); 0 with no volume.
   * `out` may be `obvLine` itself: the last `period` OBV values are kept in a ring.
   */
  obvSlope(
    obvLine: Float64Array,
    volume: Float64Array,
    period: number,
    out: Float64Array = new Float64Array(obvLine.length),
  ): Float64Array {
    const n = obvLine.length;
    const ring = new Float64Array(period);
    let slot = 0; // i % period: holds OBV of bar i - period until overwritten
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const line = obvLine[i]!;
      const old = ring[slot]!;
      ring[slot] = line;
      if (++slot === period) slot = 0;
      if (i > 0) sum += volume[i]!;
      if (i > period) sum -= volume[i - period]!;
      out[i] = i >= period ? (sum > 0 ? (line - old) / sum : 0) : Number.NaN;
    }
    return out;
  },
};

/** The element formulas of {@link scaleFree}, one value at a time (streaming). */
export const scaleFreeValue = {
  relative: (a: number, d: number): number => (d !== 0 ? a / d - 1 : Number.NaN),
  divide: (x: number, d: number): number => (d !== 0 ? x / d : Number.isNaN(x) || Number.isNaN(d) ? Number.NaN : 0),
  position: (x: number, l: number, h: number): number => {
    const w = h - l;
    return w !== 0 ? (x - l) / w : Number.isNaN(w) ? Number.NaN : 0.5;
  },
  width: (l: number, h: number, mid: number): number => (h - l) / mid,
};
