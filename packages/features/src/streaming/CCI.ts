import { assertPeriod } from '../internal/assertPeriod.js';
import { cciWindow } from '../internal/cciWindow.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  ring: Float64Array;
}

/**
 * Streaming twin of {@link cci}: equal to it value for value (the ring is
 * summed in TA-Lib's circular-buffer order).
 *
 * @example
 * ```ts
 * import { CCI } from '@sextant/features';
 * const c = new CCI(20);
 * c.add({ high: 2, low: 1, close: 1.5 });
 * ```
 */
export class CCI extends StreamingIndicator<HLC, number, State> {
  readonly #period: number;

  /** @param period - window, 2..100000 */
  constructor(period: number) {
    assertPeriod('CCI', 'period', period, 2);
    super({ ring: new Float64Array(period) }, Number.NaN, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLC, i: number): number {
    const p = this.#period;
    const tp = (c.high + c.low + c.close) / 3;
    s.ring[i % p] = tp;
    if (i < p - 1) return Number.NaN;
    return cciWindow(s.ring, p, tp);
  }
}
