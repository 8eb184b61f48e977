import type { Candle } from '@sextant/core';
import { InvalidArgumentError } from '@sextant/core';
import {
  type CandlePatternName,
  PATTERNS,
  type PatternState,
  patternState,
  patternStep,
} from '../internal/candlePatternStep.js';
import { StreamingIndicator } from './StreamingIndicator.js';

/**
 * Streaming twin of {@link candlePattern}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { CandlePattern } from '@sextant/features';
 * const hammer = new CandlePattern('hammer');
 * hammer.add({ timestamp: 0, open: 10, high: 10.1, low: 9, close: 10.05, volume: 1 });
 * ```
 */
export class CandlePattern extends StreamingIndicator<Omit<Candle, 'timestamp' | 'volume'>, number, PatternState> {
  readonly #name: CandlePatternName;

  /** @param name - one of {@link CandlePatternName}, e.g. `'engulfing'` or `'morningStar'` */
  constructor(name: CandlePatternName) {
    if (!Object.hasOwn(PATTERNS, name)) {
      throw new InvalidArgumentError(
        `CandlePattern: unknown pattern "${String(name)}"; expected one of ${Object.keys(PATTERNS).join(', ')}`,
      );
    }
    super(patternState(), Number.NaN, PATTERNS[name].lookback);
    this.#name = name;
  }

  /** @internal One step of the batch loop. */
  protected next(s: PatternState, c: Omit<Candle, 'timestamp' | 'volume'>, i: number): number {
    return patternStep(this.#name, s, c.open, c.high, c.low, c.close, i);
  }
}
