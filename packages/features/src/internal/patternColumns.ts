import { column } from './column.js';

/**
 * The default pipeline's four candlestick columns (TA-Lib CDLENGULFING,
 * CDLDOJI, CDLHAMMER, CDLSHOOTINGSTAR, each scaled by 0.01) in one pass
 * over the candles instead of four: the same running totals, updated in the
 * same order, as the per-pattern loops in kernels/candlePattern.ts, so each
 * column equals `candlePattern(series, name)` times 0.01 bit for bit (pinned
 * by the pipeline's batch/streaming equality test and the TA-Lib exactness
 * test of `candlePattern`).
 */
export function patternColumns(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
): [engulfing: Float64Array, doji: Float64Array, hammer: Float64Array, shootingStar: Float64Array] {
  const n = c.length;
  const eng = column(n, 2);
  const doji = column(n, 10);
  const ham = column(n, 11);
  const star = column(n, 11);
  // Built before the loop, not after: V8 optimises the loop while it runs
  // (OSR), and code after it without type feedback would deoptimise.
  const result: [Float64Array, Float64Array, Float64Array, Float64Array] = [eng, doji, ham, star];
  // Running totals: doji's high-low over the previous 10 candles; hammer and
  // shooting star's body and high-low over the previous 10, hammer's "near"
  // high-low over the 5 before the previous candle.
  let dojiT = 0;
  for (let i = 0; i < 10 && i < n; i++) dojiT += h[i]! - l[i]!;
  let bodyT = 0;
  let shortT = 0;
  let nearT = 0;
  for (let i = 1; i < 11 && i < n; i++) {
    bodyT += Math.abs(c[i]! - o[i]!);
    shortT += h[i]! - l[i]!;
  }
  for (let i = 5; i < 10 && i < n; i++) nearT += h[i]! - l[i]!;
  // Branch-free: each test becomes 0 or 1 (`+(a < b)`) and the tests are
  // combined with `&`, so random candles cost no branch mispredictions; the
  // outputs are the same numbers TA-Lib's && chains give (0 is +0).
  // Candles 2..10: engulfing only (and doji from 10), as in the main loop.
  const head = Math.min(n, 11);
  for (let i = 2; i < head; i++) {
    const oi = o[i]!;
    const ci = c[i]!;
    const po = o[i - 1]!;
    const pc = c[i - 1]!;
    const white = +(ci >= oi);
    const prevWhite = +(pc >= po);
    const bull = white & (prevWhite ^ 1) & ((+(ci >= po) & +(oi < pc)) | (+(ci > po) & +(oi <= pc)));
    const bear = (white ^ 1) & prevWhite & ((+(oi >= pc) & +(ci < po)) | (+(oi > pc) & +(ci <= po)));
    const bothEdges = +(oi !== pc) & +(ci !== po);
    eng[i] = (bull - bear) * (80 + 20 * bothEdges) * 0.01;
    if (i < 10) continue;
    doji[i] = +(Math.abs(ci - oi) <= 0.1 * (dojiT / 10)) * 100 * 0.01;
    dojiT += h[i]! - l[i]! - (h[i - 10]! - l[i - 10]!);
  }
  if (n > 11) mainLoop(o, h, l, c, eng, doji, ham, star, dojiT, bodyT, shortT, nearT);
  return result;
}

// Candles 11..: the previous candle's values carried in registers, every
// load of the iteration before its stores (so V8 need not reload after a
// store), the same arithmetic in the same order as TA-Lib's running totals.
function mainLoop(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  eng: Float64Array,
  doji: Float64Array,
  ham: Float64Array,
  star: Float64Array,
  dojiT: number,
  bodyT: number,
  shortT: number,
  nearT: number,
): void {
  const n = c.length;
  let po = o[10]!;
  let pc = c[10]!;
  let ph = h[10]!;
  let pl = l[10]!;
  for (let i = 11; i < n; i++) {
    const oi = o[i]!;
    const ci = c[i]!;
    const hi = h[i]!;
    const li = l[i]!;
    const h10 = h[i - 10]!;
    const l10 = l[i - 10]!;
    const c10 = c[i - 10]!;
    const o10 = o[i - 10]!;
    const h6 = h[i - 6]!;
    const l6 = l[i - 6]!;
    const white = +(ci >= oi);
    const prevWhite = +(pc >= po);
    const bull = white & (prevWhite ^ 1) & ((+(ci >= po) & +(oi < pc)) | (+(ci > po) & +(oi <= pc)));
    const bear = (white ^ 1) & prevWhite & ((+(oi >= pc) & +(ci < po)) | (+(oi > pc) & +(ci <= po)));
    const bothEdges = +(oi !== pc) & +(ci !== po);
    const e = (bull - bear) * (80 + 20 * bothEdges) * 0.01;
    const body = Math.abs(ci - oi);
    const dj = +(body <= 0.1 * (dojiT / 10)) * 100 * 0.01;
    dojiT += hi - li - (h10 - l10);
    // The shadows' tests split into one per end of the body, as in
    // candlePattern's hammerOrStar (exact; no Math.min/max branch on the
    // candle's colour).
    const shortBody = +(body < 1.0 * (bodyT / 10));
    const veryShort = 0.1 * (shortT / 10);
    const near = pl + 0.2 * (nearT / 5);
    const lowerLong = +(ci - li > 1.0 * body) & +(oi - li > 1.0 * body);
    const upperLong = +(hi - ci > 1.0 * body) & +(hi - oi > 1.0 * body);
    const lowerVeryShort = +(ci - li < veryShort) | +(oi - li < veryShort);
    const upperVeryShort = +(hi - ci < veryShort) | +(hi - oi < veryShort);
    const gapUp = +(ci > po) & +(ci > pc) & +(oi > po) & +(oi > pc);
    const hm = (shortBody & lowerLong & upperVeryShort & (+(ci <= near) | +(oi <= near))) * 100 * 0.01;
    const st = (0 - (shortBody & upperLong & lowerVeryShort & gapUp) * 100) * 0.01;
    nearT += ph - pl - (h6 - l6);
    bodyT += body - Math.abs(c10 - o10);
    shortT += hi - li - (h10 - l10);
    eng[i] = e;
    doji[i] = dj;
    ham[i] = hm;
    star[i] = st;
    po = oi;
    pc = ci;
    ph = hi;
    pl = li;
  }
}
