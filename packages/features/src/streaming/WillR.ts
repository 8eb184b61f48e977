import { assertPeriod } from '../internal/assertPeriod.js';
import { ringExtremes } from '../internal/streamSteps.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  hi: Float64Array;
  lo: Float64Array;
}

/**
 * Streaming twin of {@link willr}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { WillR } from '@sextant/features';
 * const w = new WillR(14);
 * w.add({ high: 2, low: 1, close: 1.5 });
 * ```
 */
export class WillR extends StreamingIndicator<HLC, number, State> {
  readonly #period: number;

  /** @param period - look-back, 2..100000 */
  constructor(period: number) {
    assertPeriod('WillR', 'period', period, 2);
    super({ hi: new Float64Array(period), lo: new Float64Array(period) }, Number.NaN, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLC, i: number): number {
    const p = this.#period;
    s.hi[i % p] = c.high;
    s.lo[i % p] = c.low;
    if (i < p - 1) return Number.NaN;
    const [h, l] = ringExtremes(s.hi, s.lo, i, p);
    const diff = (h - l) / -100.0;
    return diff !== 0.0 ? (h - c.close) / diff : 0.0;
  }
}
