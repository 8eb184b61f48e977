import { assertPeriod } from '../internal/assertPeriod.js';
import { type EmaState, emaState, emaStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  fast: EmaState;
  slow: EmaState;
  signal: EmaState;
}

/** One output of {@link MACD}. */
export interface MacdValue {
  /** Fast EMA minus slow EMA. */
  macd: number;
  /** EMA of the MACD line. */
  signal: number;
  /** MACD minus signal. */
  histogram: number;
}

const EMPTY: MacdValue = { macd: Number.NaN, signal: Number.NaN, histogram: Number.NaN };

/**
 * Streaming twin of {@link macd} (TA-Lib seeding of the fast EMA included):
 * equal to it value for value.
 *
 * @example
 * ```ts
 * import { MACD } from '@sextant/features';
 * const m = new MACD(12, 26, 9);
 * m.add(1.5).histogram;
 * ```
 */
export class MACD extends StreamingIndicator<number, MacdValue, State> {
  readonly #fast: number;
  readonly #slow: number;
  readonly #signal: number;

  /**
   * @param fast - fast EMA period, 2..100000
   * @param slow - slow EMA period, 2..100000 (swapped with `fast` when smaller)
   * @param signal - signal EMA period, 2..100000
   */
  constructor(fast: number, slow: number, signal: number) {
    assertPeriod('MACD', 'fast', fast, 2);
    assertPeriod('MACD', 'slow', slow, 2);
    assertPeriod('MACD', 'signal', signal, 2);
    if (slow < fast) [fast, slow] = [slow, fast];
    super({ fast: emaState(), slow: emaState(), signal: emaState() }, EMPTY, slow + signal - 2);
    this.#fast = fast;
    this.#slow = slow;
    this.#signal = signal;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): MacdValue {
    const f = this.#fast;
    const sl = this.#slow;
    const slowV = emaStep(s.slow, x, i, sl, 2 / (sl + 1));
    const j = i - (sl - f);
    const fastV = j >= 0 ? emaStep(s.fast, x, j, f, 2 / (f + 1)) : Number.NaN;
    if (i < sl - 1) return EMPTY;
    const line = fastV - slowV;
    const sig = emaStep(s.signal, line, i - (sl - 1), this.#signal, 2 / (this.#signal + 1));
    if (i < this.lookback) return EMPTY;
    return { macd: line, signal: sig, histogram: line - sig };
  }
}
