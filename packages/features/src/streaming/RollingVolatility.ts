import { assertPeriod } from '../internal/assertPeriod.js';
import { logRatio } from '../internal/logRatio.js';
import { type StdState, stdState, stdStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  prev: number;
  std: StdState;
}

/**
 * Streaming twin of {@link rollingVolatility}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { RollingVolatility } from '@sextant/features';
 * const v = new RollingVolatility(20);
 * v.add(1.5);
 * ```
 */
export class RollingVolatility extends StreamingIndicator<number, number, State> {
  readonly #period: number;

  /** @param period - window, 2..100000 */
  constructor(period: number) {
    assertPeriod('RollingVolatility', 'period', period, 2);
    super({ prev: 0, std: stdState(period) }, Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): number {
    const prev = s.prev;
    s.prev = x;
    if (i === 0) return Number.NaN;
    return stdStep(s.std, logRatio(x, prev), i - 1, this.#period, 1);
  }
}
