import { assertPeriod } from '../internal/assertPeriod.js';
import { type EmaState, emaState, emaStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  e1: EmaState;
  e2: EmaState;
}

/**
 * Streaming twin of {@link dema}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { DEMA } from '@sextant/features';
 * const d = new DEMA(20);
 * d.add(1.5);
 * ```
 */
export class DEMA extends StreamingIndicator<number, number, State> {
  readonly #period: number;
  readonly #k: number;

  /** @param period - smoothing period, 2..100000 */
  constructor(period: number) {
    assertPeriod('DEMA', 'period', period, 2);
    super({ e1: emaState(), e2: emaState() }, Number.NaN, 2 * (period - 1));
    this.#period = period;
    this.#k = 2 / (period + 1);
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): number {
    const p = this.#period;
    const a = emaStep(s.e1, x, i, p, this.#k);
    if (i < p - 1) return Number.NaN;
    const b = emaStep(s.e2, a, i - (p - 1), p, this.#k);
    return i < 2 * (p - 1) ? Number.NaN : 2.0 * a - b;
  }
}
