/**
 * Batch loops of the multi-candle patterns, in the shape of their TA-Lib
 * sources (ta_CDLMORNINGSTAR.c, ta_CDLEVENINGSTAR.c, ta_CDLHARAMI.c,
 * ta_CDL3BLACKCROWS.c): the same running totals with the same trailing
 * indices, updated after each candle, with TA-Lib's default candle settings
 * (BodyLong and BodyShort: real body over 10 candles, factor 1;
 * ShadowVeryShort: high-low over 10, factor 0.1). Each writes `out` from its
 * lookback on; the caller fills the warm-up with NaN. The streaming step in
 * candlePatternStep.ts computes the same numbers (contract-tested).
 */

const body = (o: Float64Array, c: Float64Array, i: number): number => Math.abs(c[i]! - o[i]!);

/** Sum of the real bodies of candles `from .. to - 1`, in order: a running total's start. */
function bodyTotal(o: Float64Array, c: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let k = from; k < to; k++) t += body(o, c, k);
  return t;
}

/** Sum of the high-low ranges of candles `from .. to - 1`, in order: a running total's start. */
function rangeTotal(h: Float64Array, l: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let k = from; k < to; k++) t += h[k]! - l[k]!;
  return t;
}

/** CDLMORNINGSTAR (`morning` true, +100) or CDLEVENINGSTAR (-100), penetration 0.3; lookback 12. */
export function starInto(o: Float64Array, c: Float64Array, out: Float64Array, morning: boolean): void {
  const n = out.length;
  if (n <= 12) return;
  const first = morning ? -1 : 1;
  starLoop(o, c, out, n, first, bodyTotal(o, c, 0, 10), bodyTotal(o, c, 1, 11), bodyTotal(o, c, 2, 12));
}

// The main loop in a function of its own, its totals copied into locals (see threeBlackCrowsLoop).
function starLoop(
  o: Float64Array,
  c: Float64Array,
  out: Float64Array,
  n: number,
  first: number,
  totalLong: number,
  totalShort: number,
  totalShort2: number,
): void {
  const morning = first === -1;
  const pen = 0.3;
  // TA-Lib's && chain as 0/1 tests combined with `&` (no branch on market
  // data): the colour tests as bits flipped for the morning star, the gap
  // max(o1, c1) < min(o2, c2) as its four comparisons (the same for NaN:
  // false either way).
  const flip = morning ? 1 : 0;
  const sign = -first * 100;
  let tLong = +totalLong;
  let tShort = +totalShort;
  let tShort2 = +totalShort2;
  for (let i = 12; i < n; i++) {
    const o2 = o[i - 2]!;
    const c2 = c[i - 2]!;
    const o1 = o[i - 1]!;
    const c1 = c[i - 1]!;
    const oi = o[i]!;
    const ci = c[i]!;
    const b2 = Math.abs(c2 - o2);
    const b1 = Math.abs(c1 - o1);
    const b0 = Math.abs(ci - oi);
    const gap = morning
      ? +(o1 < o2) & +(o1 < c2) & +(c1 < o2) & +(c1 < c2)
      : +(o1 > o2) & +(o1 > c2) & +(c1 > o2) & +(c1 > c2);
    const within = morning ? +(ci > c2 + b2 * pen) : +(ci < c2 - b2 * pen);
    const firstColour = +(c2 >= o2) ^ flip; // (c2 >= o2 ? 1 : -1) === first
    const thirdColour = +(ci >= oi) ^ flip ^ 1; // (ci >= oi ? 1 : -1) === -first
    const hit =
      +(b2 > tLong / 10) & firstColour & +(b1 <= tShort / 10) & gap & +(b0 > tShort2 / 10) & thirdColour & within;
    out[i] = hit * sign + 0; // + 0: TA-Lib's 0 is +0, not 0 * -100
    tLong += b2 - body(o, c, i - 12);
    tShort += b1 - body(o, c, i - 11);
    tShort2 += b0 - body(o, c, i - 10);
  }
}

/** CDLHARAMI: +-100, +-80 when a body edge is shared; lookback 11. */
export function haramiInto(o: Float64Array, c: Float64Array, out: Float64Array): void {
  const n = out.length;
  if (n <= 11) return;
  haramiLoop(o, c, out, n, bodyTotal(o, c, 0, 10), bodyTotal(o, c, 1, 11));
}

// The main loop in a function of its own, its totals copied into locals (see threeBlackCrowsLoop).
function haramiLoop(
  o: Float64Array,
  c: Float64Array,
  out: Float64Array,
  n: number,
  totalLong: number,
  totalShort: number,
): void {
  let tLong = +totalLong;
  let tShort = +totalShort;
  for (let i = 11; i < n; i++) {
    const o1 = o[i - 1]!;
    const c1 = c[i - 1]!;
    const oi = o[i]!;
    const ci = c[i]!;
    const b1 = Math.abs(c1 - o1);
    const b0 = Math.abs(ci - oi);
    let r = 0;
    if (b1 > tLong / 10 && b0 <= tShort / 10) {
      const top = Math.max(ci, oi);
      const bottom = Math.min(ci, oi);
      const pTop = Math.max(c1, o1);
      const pBottom = Math.min(c1, o1);
      const color1 = c1 >= o1 ? 1 : -1;
      if (top < pTop && bottom > pBottom) r = -color1 * 100;
      else if (top <= pTop && bottom >= pBottom) r = -color1 * 80;
    }
    out[i] = r;
    tLong += b1 - body(o, c, i - 11);
    tShort += b0 - body(o, c, i - 10);
  }
}

/** CDL3BLACKCROWS: -100; lookback 13. */
export function threeBlackCrowsInto(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
): void {
  const n = out.length;
  if (n <= 13) return;
  threeBlackCrowsLoop(o, h, l, c, out, n, rangeTotal(h, l, 1, 11), rangeTotal(h, l, 2, 12), rangeTotal(h, l, 3, 13));
}

// The main loop in a function of its own, its running totals copied into
// locals: after the warm-up totals above, V8 would compile it with no type
// feedback on a first call, and a loop-carried parameter stays boxed.
function threeBlackCrowsLoop(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  n: number,
  total2: number,
  total1: number,
  total0: number,
): void {
  let t2 = +total2;
  let t1 = +total1;
  let t0 = +total0;
  for (let i = 13; i < n; i++) {
    const o2 = o[i - 2]!;
    const c2 = c[i - 2]!;
    const o1 = o[i - 1]!;
    const c1 = c[i - 1]!;
    const oi = o[i]!;
    const ci = c[i]!;
    const l2 = l[i - 2]!;
    const l1 = l[i - 1]!;
    const li = l[i]!;
    // The colours first, combined without branches (random on market data):
    // the rest is evaluated only for white-black-black-black runs.
    const colours = +(c[i - 3]! >= o[i - 3]!) & +(c2 < o2) & +(c1 < o1) & +(ci < oi);
    out[i] =
      colours === 1 &&
      c2 - l2 < 0.1 * (t2 / 10) &&
      c1 - l1 < 0.1 * (t1 / 10) &&
      ci - li < 0.1 * (t0 / 10) &&
      o1 < o2 &&
      o1 > c2 &&
      oi < o1 &&
      oi > c1 &&
      h[i - 3]! > c2 &&
      c2 > c1 &&
      c1 > ci
        ? -100
        : 0;
    t2 += h[i - 2]! - l2 - (h[i - 12]! - l[i - 12]!);
    t1 += h[i - 1]! - l1 - (h[i - 11]! - l[i - 11]!);
    t0 += h[i]! - li - (h[i - 10]! - l[i - 10]!);
  }
}

/**
 * CDL3WHITESOLDIERS: 100; lookback 12. Near and Far average the same
 * high-low ranges over the same 5 candles, so one total serves both.
 */
export function threeWhiteSoldiersInto(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
): void {
  const n = out.length;
  if (n <= 12) return;
  const sums = Float64Array.of(
    rangeTotal(h, l, 0, 10),
    rangeTotal(h, l, 1, 11),
    rangeTotal(h, l, 2, 12),
    rangeTotal(h, l, 5, 10),
    rangeTotal(h, l, 6, 11),
    bodyTotal(o, c, 2, 12),
  );
  threeWhiteSoldiersLoop(o, h, l, c, out, n, sums);
}

// The main loop in a function of its own, its totals copied into locals (see threeBlackCrowsLoop).
function threeWhiteSoldiersLoop(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  n: number,
  sums: Float64Array,
): void {
  let s2 = sums[0]!;
  let s1 = sums[1]!;
  let s0 = sums[2]!;
  let n2 = sums[3]!;
  let n1 = sums[4]!;
  let b0 = sums[5]!;
  for (let i = 12; i < n; i++) {
    const o2 = o[i - 2]!;
    const c2 = c[i - 2]!;
    const h2 = h[i - 2]!;
    const l2 = l[i - 2]!;
    const o1 = o[i - 1]!;
    const c1 = c[i - 1]!;
    const h1 = h[i - 1]!;
    const l1 = l[i - 1]!;
    const oi = o[i]!;
    const ci = c[i]!;
    const hi = h[i]!;
    const li = l[i]!;
    // The colours first, combined without branches (random on market data).
    const colours = +(c2 >= o2) & +(c1 >= o1) & +(ci >= oi);
    const bi = Math.abs(ci - oi);
    const bb1 = Math.abs(c1 - o1);
    out[i] =
      colours === 1 &&
      h2 - c2 < 0.1 * (s2 / 10) &&
      h1 - c1 < 0.1 * (s1 / 10) &&
      hi - ci < 0.1 * (s0 / 10) &&
      ci > c1 &&
      c1 > c2 &&
      o1 > o2 &&
      o1 <= c2 + 0.2 * (n2 / 5) &&
      oi > o1 &&
      oi <= c1 + 0.2 * (n1 / 5) &&
      bb1 > Math.abs(c2 - o2) - 0.6 * (n2 / 5) &&
      bi > bb1 - 0.6 * (n1 / 5) &&
      bi > 1.0 * (b0 / 10)
        ? 100
        : 0;
    s2 += h2 - l2 - (h[i - 12]! - l[i - 12]!);
    s1 += h1 - l1 - (h[i - 11]! - l[i - 11]!);
    s0 += hi - li - (h[i - 10]! - l[i - 10]!);
    n2 += h2 - l2 - (h[i - 7]! - l[i - 7]!);
    n1 += h1 - l1 - (h[i - 6]! - l[i - 6]!);
    b0 += bi - Math.abs(c[i - 10]! - o[i - 10]!);
  }
}
