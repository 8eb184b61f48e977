import { assertPeriod } from '../internal/assertPeriod.js';
import { ringExtremes } from '../internal/streamSteps.js';
import { type BandValue, EMPTY_BAND } from './Bollinger.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  hi: Float64Array;
  lo: Float64Array;
}

/**
 * Streaming twin of {@link donchian}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { Donchian } from '@sextant/features';
 * const d = new Donchian(20);
 * d.add({ high: 2, low: 1 }).upper;
 * ```
 */
export class Donchian extends StreamingIndicator<Pick<HLC, 'high' | 'low'>, BandValue, State> {
  readonly #period: number;

  /** @param period - window, 2..100000 */
  constructor(period: number) {
    assertPeriod('Donchian', 'period', period, 2);
    super({ hi: new Float64Array(period), lo: new Float64Array(period) }, EMPTY_BAND, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: Pick<HLC, 'high' | 'low'>, i: number): BandValue {
    const p = this.#period;
    s.hi[i % p] = c.high;
    s.lo[i % p] = c.low;
    if (i < p - 1) return EMPTY_BAND;
    const [upper, lower] = ringExtremes(s.hi, s.lo, i, p);
    return { upper, middle: (upper + lower) / 2, lower };
  }
}
