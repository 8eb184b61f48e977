import { type CandleSeries, InvalidArgumentError } from '@sextant/core';
import { type CandlePatternName, PATTERNS } from '../internal/candlePatternStep.js';
import { haramiInto, starInto, threeBlackCrowsInto, threeWhiteSoldiersInto } from '../internal/multiCandleLoops.js';

/**
 * Candlestick pattern recognition, exact to TA-Lib's `CDLENGULFING`,
 * `CDLDOJI`, `CDLHAMMER`, `CDLSHOOTINGSTAR`, `CDLMORNINGSTAR`,
 * `CDLEVENINGSTAR` (both with TA-Lib's default penetration 0.3),
 * `CDLHARAMI` and `CDL3BLACKCROWS`, with TA-Lib's default candle settings
 * (bodies and shadows measured against the average of the previous 10
 * candles, "near" against the previous 5).
 *
 * @param series - candles, oldest first
 * @param name - `'engulfing'` (+-100, or +-80 when a body edge is shared), `'doji'` (100),
 *   `'hammer'` (100), `'shootingStar'` (-100), `'morningStar'` (100), `'eveningStar'` (-100),
 *   `'harami'` (+-100, or +-80 when a body edge is shared), `'threeBlackCrows'` (-100) or
 *   `'threeWhiteSoldiers'` (100)
 * @returns TA-Lib's integer signal per candle as a number, NaN in the warm-up
 *   (2 candles for engulfing, 10 for doji, 11 for hammer, shooting star and harami,
 *   12 for the stars, 13 for three black crows)
 * @throws InvalidArgumentError for an unknown pattern name
 * @example
 * ```ts
 * import { candlePattern } from '@sextant/features';
 * const engulfing = candlePattern(series, 'engulfing'); // 100 bullish, -100 bearish, 0 none
 * ```
 */
export function candlePattern(series: CandleSeries, name: CandlePatternName): Float64Array {
  if (!Object.hasOwn(PATTERNS, name)) {
    throw new InvalidArgumentError(
      `candlePattern: unknown pattern "${String(name)}"; expected one of ${Object.keys(PATTERNS).join(', ')}`,
    );
  }
  const n = series.length;
  const out = new Float64Array(n).fill(Number.NaN, 0, Math.min(n, PATTERNS[name].lookback));
  const { open: o, high: h, low: l, close: c } = series;
  if (name === 'engulfing') engulfing(o, c, out);
  else if (name === 'doji') doji(o, h, l, c, out);
  else if (name === 'hammer' || name === 'shootingStar') hammerOrStar(o, h, l, c, out, name === 'hammer');
  else if (name === 'morningStar' || name === 'eveningStar') starInto(o, c, out, name === 'morningStar');
  else if (name === 'harami') haramiInto(o, c, out);
  else if (name === 'threeWhiteSoldiers') threeWhiteSoldiersInto(o, h, l, c, out);
  else threeBlackCrowsInto(o, h, l, c, out);
  return out;
}

// Batch loops in TA-Lib's own shape (same running totals, same order as the
// streaming step in candlePatternStep.ts, which the contract test pins).

// Branch-free where the data is random: each test becomes 0 or 1
// (`+(a < b)`), combined with `&`, so candles cost no branch mispredictions;
// the outputs are the numbers TA-Lib's && chains give (0 is +0).

function engulfing(o: Float64Array, c: Float64Array, out: Float64Array): void {
  for (let i = 2; i < out.length; i++) {
    const oi = o[i]!;
    const ci = c[i]!;
    const po = o[i - 1]!;
    const pc = c[i - 1]!;
    const white = +(ci >= oi);
    const prevWhite = +(pc >= po);
    const bull = white & (prevWhite ^ 1) & ((+(ci >= po) & +(oi < pc)) | (+(ci > po) & +(oi <= pc)));
    const bear = (white ^ 1) & prevWhite & ((+(oi >= pc) & +(ci < po)) | (+(oi > pc) & +(ci <= po)));
    out[i] = (bull - bear) * (80 + 20 * (+(oi !== pc) & +(ci !== po)));
  }
}

function doji(o: Float64Array, h: Float64Array, l: Float64Array, c: Float64Array, out: Float64Array): void {
  let total = 0;
  for (let i = 0; i < 10 && i < out.length; i++) total += h[i]! - l[i]!;
  for (let i = 10; i < out.length; i++) {
    out[i] = +(Math.abs(c[i]! - o[i]!) <= 0.1 * (total / 10)) * 100;
    total += h[i]! - l[i]! - (h[i - 10]! - l[i - 10]!);
  }
}

function hammerOrStar(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  out: Float64Array,
  hammer: boolean,
): void {
  const n = out.length;
  let bodyT = 0;
  let shortT = 0;
  let nearT = 0;
  for (let i = 1; i < 11 && i < n; i++) {
    bodyT += Math.abs(c[i]! - o[i]!);
    shortT += h[i]! - l[i]!;
  }
  for (let i = 5; i < 10 && i < n; i++) nearT += h[i]! - l[i]!;
  for (let i = 11; i < n; i++) {
    const oi = o[i]!;
    const ci = c[i]!;
    const hi = h[i]!;
    const li = l[i]!;
    const pl = l[i - 1]!;
    const body = Math.abs(ci - oi);
    // TA-Lib's tests on the body's bottom min(c, o) and top max(c, o), each
    // split into one test per end (exact: x - max(c, o) = min(x - c, x - o),
    // since rounding is monotonic), so no Math.min/max branch on the
    // candle's colour. Where c or o is NaN or infinite the body is too, and
    // shortBody is 0 either way.
    const shortBody = +(body < 1.0 * (bodyT / 10));
    const veryShort = 0.1 * (shortT / 10);
    if (hammer) {
      const lowerLong = +(ci - li > 1.0 * body) & +(oi - li > 1.0 * body);
      const upperVeryShort = +(hi - ci < veryShort) | +(hi - oi < veryShort);
      const near = pl + 0.2 * (nearT / 5);
      out[i] = (shortBody & lowerLong & upperVeryShort & (+(ci <= near) | +(oi <= near))) * 100;
      nearT += h[i - 1]! - pl - (h[i - 6]! - l[i - 6]!);
    } else {
      const po = o[i - 1]!;
      const pc = c[i - 1]!;
      const upperLong = +(hi - ci > 1.0 * body) & +(hi - oi > 1.0 * body);
      const lowerVeryShort = +(ci - li < veryShort) | +(oi - li < veryShort);
      const gapUp = +(ci > po) & +(ci > pc) & +(oi > po) & +(oi > pc);
      out[i] = 0 - (shortBody & upperLong & lowerVeryShort & gapUp) * 100;
    }
    bodyT += body - Math.abs(c[i - 10]! - o[i - 10]!);
    shortT += hi - li - (h[i - 10]! - l[i - 10]!);
  }
}
