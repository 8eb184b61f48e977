import { type CandleSeries, InvalidArgumentError } from '@sextant/core';
import { PATTERNS, type CandlePatternName, patternState, patternStep } from '../internal/candlePatternStep.js';

/**
 * Candlestick pattern recognition, exact to TA-Lib's `CDLENGULFING`,
 * `CDLDOJI`, `CDLHAMMER` and `CDLSHOOTINGSTAR` with TA-Lib's default candle
 * settings (bodies and shadows measured against the average of the previous
 * 10 candles, "near" against the previous 5).
 *
 * @param series - candles, oldest first
 * @param name - `'engulfing'` (+-100, or +-80 when a body edge is shared), `'doji'` (100),
 *   `'hammer'` (100) or `'shootingStar'` (-100)
 * @returns TA-Lib's integer signal per candle as a number, NaN in the warm-up
 *   (2 candles for engulfing, 10 for doji, 11 for hammer and shooting star)
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
  const out = new Float64Array(n);
  const s = patternState();
  const { open, high, low, close } = series;
  for (let i = 0; i < n; i++) out[i] = patternStep(name, s, open[i]!, high[i]!, low[i]!, close[i]!, i);
  return out;
}
