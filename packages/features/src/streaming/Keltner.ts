import { assertFinite, assertPeriod } from '../internal/assertPeriod.js';
import { type AtrState, type EmaState, atrState, atrStep, emaState, emaStep } from '../internal/streamSteps.js';
import { type BandValue, EMPTY_BAND } from './Bollinger.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  ema: EmaState;
  atr: AtrState;
}

/**
 * Streaming twin of {@link keltner}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { Keltner } from '@sextant/features';
 * const k = new Keltner(20, 2, 10);
 * k.add({ high: 2, low: 1, close: 1.5 }).upper;
 * ```
 */
export class Keltner extends StreamingIndicator<HLC, BandValue, State> {
  readonly #period: number;
  readonly #multiplier: number;
  readonly #atrPeriod: number;

  /**
   * @param period - EMA period, 2..100000
   * @param multiplier - ATR multiple
   * @param atrPeriod - ATR period, 1..100000, default `period`
   */
  constructor(period: number, multiplier: number, atrPeriod: number = period) {
    assertPeriod('Keltner', 'period', period, 2);
    assertPeriod('Keltner', 'atrPeriod', atrPeriod, 1);
    assertFinite('Keltner', 'multiplier', multiplier);
    super({ ema: emaState(), atr: atrState() }, EMPTY_BAND, Math.max(period - 1, atrPeriod));
    this.#period = period;
    this.#multiplier = multiplier;
    this.#atrPeriod = atrPeriod;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLC, i: number): BandValue {
    const m = emaStep(s.ema, c.close, i, this.#period, 2 / (this.#period + 1));
    const a = atrStep(s.atr, c.high, c.low, c.close, i, this.#atrPeriod);
    if (i < this.lookback) return EMPTY_BAND;
    const w = a * this.#multiplier;
    return { upper: m + w, middle: m, lower: m - w };
  }
}
