/**
 * TA-Lib's candlestick recognisers (ta_CDLENGULFING.c, ta_CDLDOJI.c,
 * ta_CDLHAMMER.c, ta_CDLSHOOTINGSTAR.c, ta_CDLMORNINGSTAR.c,
 * ta_CDLEVENINGSTAR.c, ta_CDLHARAMI.c, ta_CDL3BLACKCROWS.c, ta_CDL3WHITESOLDIERS.c) written as one step per candle over
 * a small ring, with TA-Lib's default candle settings (ta_global.c) and its
 * running totals updated in the same order. The batch kernel and the
 * streaming twin both drive this step, so they agree bit for bit.
 */

/** Which part of a candle a setting averages. */
const REAL_BODY = 0;
const HIGH_LOW = 1;
const SHADOWS = 2;

interface Setting {
  range: number;
  period: number;
  factor: number;
  /** 1 when the setting is read at the previous candle (hammer's "near"). */
  offset: number;
}

const BODY_SHORT: Setting = { range: REAL_BODY, period: 10, factor: 1.0, offset: 0 };
const BODY_DOJI: Setting = { range: HIGH_LOW, period: 10, factor: 0.1, offset: 0 };
const SHADOW_LONG: Setting = { range: REAL_BODY, period: 0, factor: 1.0, offset: 0 };
const SHADOW_VERY_SHORT: Setting = { range: HIGH_LOW, period: 10, factor: 0.1, offset: 0 };
const NEAR_PREV: Setting = { range: HIGH_LOW, period: 5, factor: 0.2, offset: 1 };
const BODY_LONG_2: Setting = { range: REAL_BODY, period: 10, factor: 1.0, offset: 2 };
const BODY_LONG_1: Setting = { range: REAL_BODY, period: 10, factor: 1.0, offset: 1 };
const BODY_SHORT_1: Setting = { range: REAL_BODY, period: 10, factor: 1.0, offset: 1 };
const SHADOW_VERY_SHORT_2: Setting = { range: HIGH_LOW, period: 10, factor: 0.1, offset: 2 };
const SHADOW_VERY_SHORT_1: Setting = { range: HIGH_LOW, period: 10, factor: 0.1, offset: 1 };
const NEAR_2: Setting = { range: HIGH_LOW, period: 5, factor: 0.2, offset: 2 };
const NEAR_1: Setting = { range: HIGH_LOW, period: 5, factor: 0.2, offset: 1 };
const FAR_2: Setting = { range: HIGH_LOW, period: 5, factor: 0.6, offset: 2 };
const FAR_1: Setting = { range: HIGH_LOW, period: 5, factor: 0.6, offset: 1 };

/** TA-Lib's default `optInPenetration` for CDLMORNINGSTAR and CDLEVENINGSTAR. */
const STAR_PENETRATION = 0.3;

/** A candlestick pattern name. */
export type CandlePatternName =
  | 'engulfing'
  | 'doji'
  | 'hammer'
  | 'shootingStar'
  | 'morningStar'
  | 'eveningStar'
  | 'harami'
  | 'threeBlackCrows'
  | 'threeWhiteSoldiers';

/**
 * The patterns recognised (TA-Lib CDLENGULFING, CDLDOJI, CDLHAMMER,
 * CDLSHOOTINGSTAR, CDLMORNINGSTAR, CDLEVENINGSTAR, CDLHARAMI, CDL3BLACKCROWS,
 * CDL3WHITESOLDIERS),
 * each with its settings in the order of its running totals and its lookback.
 */
export const PATTERNS: Readonly<Record<CandlePatternName, { settings: readonly Setting[]; lookback: number }>> = {
  engulfing: { settings: [], lookback: 2 },
  doji: { settings: [BODY_DOJI], lookback: 10 },
  hammer: { settings: [BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, NEAR_PREV], lookback: 11 },
  shootingStar: { settings: [BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT], lookback: 11 },
  morningStar: { settings: [BODY_LONG_2, BODY_SHORT_1, BODY_SHORT], lookback: 12 },
  eveningStar: { settings: [BODY_LONG_2, BODY_SHORT_1, BODY_SHORT], lookback: 12 },
  harami: { settings: [BODY_LONG_1, BODY_SHORT], lookback: 11 },
  threeBlackCrows: { settings: [SHADOW_VERY_SHORT_2, SHADOW_VERY_SHORT_1, SHADOW_VERY_SHORT], lookback: 13 },
  threeWhiteSoldiers: {
    settings: [SHADOW_VERY_SHORT_2, SHADOW_VERY_SHORT_1, SHADOW_VERY_SHORT, NEAR_2, NEAR_1, FAR_2, FAR_1, BODY_SHORT],
    lookback: 12,
  },
};

const RING = 16;

/** Per-pattern streaming state: the last candles and one running total per setting. */
export interface PatternState {
  o: Float64Array;
  h: Float64Array;
  l: Float64Array;
  c: Float64Array;
  totals: Float64Array;
}

export const patternState = (): PatternState => ({
  o: new Float64Array(RING),
  h: new Float64Array(RING),
  l: new Float64Array(RING),
  c: new Float64Array(RING),
  totals: new Float64Array(8),
});

function range(s: PatternState, kind: number, i: number): number {
  const k = i % RING;
  const o = s.o[k]!;
  const c = s.c[k]!;
  if (kind === REAL_BODY) return Math.abs(c - o);
  if (kind === HIGH_LOW) return s.h[k]! - s.l[k]!;
  return s.h[k]! - Math.max(c, o) + (Math.min(c, o) - s.l[k]!);
}

function average(s: PatternState, set: Setting, total: number, i: number): number {
  return (
    (set.factor * (set.period !== 0.0 ? total / set.period : range(s, set.range, i))) /
    (set.range === SHADOWS ? 2.0 : 1.0)
  );
}

/** One candle of `name`: TA-Lib's integer output (100, -100, 80, -80, 0) as a number, NaN in the warm-up. */
export function patternStep(
  name: CandlePatternName,
  s: PatternState,
  o: number,
  h: number,
  l: number,
  c: number,
  i: number,
): number {
  const k = i % RING;
  s.o[k] = o;
  s.h[k] = h;
  s.l[k] = l;
  s.c[k] = c;
  const { settings, lookback } = PATTERNS[name];
  if (i < lookback) {
    for (let t = 0; t < settings.length; t++) {
      const set = settings[t]!;
      const at = i - set.offset;
      if (at >= lookback - set.offset - set.period && at < lookback - set.offset) {
        s.totals[t] = s.totals[t]! + range(s, set.range, at);
      }
    }
    return Number.NaN;
  }
  const t0 = s.totals[0]!;
  const t1 = s.totals[1]!;
  const t2 = s.totals[2]!;
  const t3 = s.totals[3]!;
  const out = evaluate(name, s, i, t0, t1, t2, t3);
  for (let t = 0; t < settings.length; t++) {
    const set = settings[t]!;
    const at = i - set.offset;
    s.totals[t] = s.totals[t]! + (range(s, set.range, at) - range(s, set.range, at - set.period));
  }
  return out;
}

function evaluate(name: CandlePatternName, s: PatternState, i: number, t0: number, t1: number, t2: number, t3: number) {
  const k = i % RING;
  const p = (i - 1) % RING;
  const o = s.o[k]!;
  const c = s.c[k]!;
  const h = s.h[k]!;
  const l = s.l[k]!;
  const body = Math.abs(c - o);
  const upper = h - Math.max(c, o);
  const lower = Math.min(c, o) - l;
  const color = c >= o ? 1 : -1;
  if (name === 'morningStar' || name === 'eveningStar' || name === 'harami' || name === 'threeBlackCrows') {
    return evaluateMulti(name, s, i, t0, t1, t2);
  }
  if (name === 'threeWhiteSoldiers') return evaluateSoldiers(s, i);
  if (name === 'engulfing') {
    const po = s.o[p]!;
    const pc = s.c[p]!;
    const pcolor = pc >= po ? 1 : -1;
    const hit =
      (color === 1 && pcolor === -1 && ((c >= po && o < pc) || (c > po && o <= pc))) ||
      (color === -1 && pcolor === 1 && ((o >= pc && c < po) || (o > pc && c <= po)));
    if (!hit) return 0;
    return o !== pc && c !== po ? color * 100 : color * 80;
  }
  if (name === 'doji') return body <= average(s, BODY_DOJI, t0, i) ? 100 : 0;
  if (name === 'hammer') {
    return body < average(s, BODY_SHORT, t0, i) &&
      lower > average(s, SHADOW_LONG, t1, i) &&
      upper < average(s, SHADOW_VERY_SHORT, t2, i) &&
      Math.min(c, o) <= s.l[p]! + average(s, NEAR_PREV, t3, i - 1)
      ? 100
      : 0;
  }
  const gapUp = Math.min(o, c) > Math.max(s.o[p]!, s.c[p]!);
  return body < average(s, BODY_SHORT, t0, i) &&
    upper > average(s, SHADOW_LONG, t1, i) &&
    lower < average(s, SHADOW_VERY_SHORT, t2, i) &&
    gapUp
    ? -100
    : 0;
}

const bodyAt = (s: PatternState, k: number): number => Math.abs(s.c[k]! - s.o[k]!);
const colorAt = (s: PatternState, k: number): number => (s.c[k]! >= s.o[k]! ? 1 : -1);
const bodyTop = (s: PatternState, k: number): number => Math.max(s.c[k]!, s.o[k]!);
const bodyBottom = (s: PatternState, k: number): number => Math.min(s.c[k]!, s.o[k]!);

/** The multi-candle patterns, condition for condition as in their TA-Lib sources. */
function evaluateMulti(
  name: 'morningStar' | 'eveningStar' | 'harami' | 'threeBlackCrows',
  s: PatternState,
  i: number,
  t0: number,
  t1: number,
  t2: number,
): number {
  const k = i % RING;
  const p1 = (i - 1) % RING;
  const p2 = (i - 2) % RING;
  if (name === 'harami') {
    if (!(bodyAt(s, p1) > average(s, BODY_LONG_1, t0, i - 1) && bodyAt(s, k) <= average(s, BODY_SHORT, t1, i))) {
      return 0;
    }
    const top = bodyTop(s, k);
    const bottom = bodyBottom(s, k);
    const pTop = bodyTop(s, p1);
    const pBottom = bodyBottom(s, p1);
    if (top < pTop && bottom > pBottom) return -colorAt(s, p1) * 100;
    if (top <= pTop && bottom >= pBottom) return -colorAt(s, p1) * 80;
    return 0;
  }
  if (name === 'threeBlackCrows') {
    const p3 = (i - 3) % RING;
    const lowerShadow = (q: number) => bodyBottom(s, q) - s.l[q]!;
    return colorAt(s, p3) === 1 &&
      colorAt(s, p2) === -1 &&
      lowerShadow(p2) < average(s, SHADOW_VERY_SHORT_2, t0, i - 2) &&
      colorAt(s, p1) === -1 &&
      lowerShadow(p1) < average(s, SHADOW_VERY_SHORT_1, t1, i - 1) &&
      colorAt(s, k) === -1 &&
      lowerShadow(k) < average(s, SHADOW_VERY_SHORT, t2, i) &&
      s.o[p1]! < s.o[p2]! &&
      s.o[p1]! > s.c[p2]! &&
      s.o[k]! < s.o[p1]! &&
      s.o[k]! > s.c[p1]! &&
      s.h[p3]! > s.c[p2]! &&
      s.c[p2]! > s.c[p1]! &&
      s.c[p1]! > s.c[k]!
      ? -100
      : 0;
  }
  const morning = name === 'morningStar';
  const first = morning ? -1 : 1;
  const body2 = bodyAt(s, p2);
  const gap = morning ? bodyTop(s, p1) < bodyBottom(s, p2) : bodyBottom(s, p1) > bodyTop(s, p2);
  const within = morning
    ? s.c[k]! > s.c[p2]! + body2 * STAR_PENETRATION
    : s.c[k]! < s.c[p2]! - body2 * STAR_PENETRATION;
  return body2 > average(s, BODY_LONG_2, t0, i - 2) &&
    colorAt(s, p2) === first &&
    bodyAt(s, p1) <= average(s, BODY_SHORT_1, t1, i - 1) &&
    gap &&
    bodyAt(s, k) > average(s, BODY_SHORT, t2, i) &&
    colorAt(s, k) === -first &&
    within
    ? -first * 100
    : 0;
}

/** CDL3WHITESOLDIERS, condition for condition as in ta_CDL3WHITESOLDIERS.c (its eight totals before this candle's update). */
function evaluateSoldiers(s: PatternState, i: number): number {
  const k = i % RING;
  const p1 = (i - 1) % RING;
  const p2 = (i - 2) % RING;
  const t = s.totals;
  const upperShadow = (q: number) => s.h[q]! - bodyTop(s, q);
  return colorAt(s, p2) === 1 &&
    upperShadow(p2) < average(s, SHADOW_VERY_SHORT_2, t[0]!, i - 2) &&
    colorAt(s, p1) === 1 &&
    upperShadow(p1) < average(s, SHADOW_VERY_SHORT_1, t[1]!, i - 1) &&
    colorAt(s, k) === 1 &&
    upperShadow(k) < average(s, SHADOW_VERY_SHORT, t[2]!, i) &&
    s.c[k]! > s.c[p1]! &&
    s.c[p1]! > s.c[p2]! &&
    s.o[p1]! > s.o[p2]! &&
    s.o[p1]! <= s.c[p2]! + average(s, NEAR_2, t[3]!, i - 2) &&
    s.o[k]! > s.o[p1]! &&
    s.o[k]! <= s.c[p1]! + average(s, NEAR_1, t[4]!, i - 1) &&
    bodyAt(s, p1) > bodyAt(s, p2) - average(s, FAR_2, t[5]!, i - 2) &&
    bodyAt(s, k) > bodyAt(s, p1) - average(s, FAR_1, t[6]!, i - 1) &&
    bodyAt(s, k) > average(s, BODY_SHORT, t[7]!, i)
    ? 100
    : 0;
}
