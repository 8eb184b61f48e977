import { assertPeriod } from '../internal/assertPeriod.js';
import { logRatio } from '../internal/logRatio.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  ring: Float64Array;
}

/**
 * Streaming twin of {@link logReturns}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { LogReturn } from '@sextant/features';
 * const x = new LogReturn(1);
 * x.add(1.5);
 * ```
 */
export class LogReturn extends StreamingIndicator<number, number, State> {
  readonly #period: number;

  /** @param period - look-back in bars, 1..100000 */
  constructor(period = 1) {
    assertPeriod('LogReturn', 'period', period, 1);
    super({ ring: new Float64Array(period) }, Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): number {
    const slot = i % this.#period;
    const old = s.ring[slot]!;
    s.ring[slot] = x;
    if (i < this.#period) return Number.NaN;
    return logRatio(x, old);
  }
}
