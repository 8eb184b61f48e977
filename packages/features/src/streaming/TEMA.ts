import { assertPeriod } from '../internal/assertPeriod.js';
import { type EmaState, emaState, emaStep } from '../internal/streamSteps.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  e1: EmaState;
  e2: EmaState;
  e3: EmaState;
}

/**
 * Streaming twin of {@link tema}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { TEMA } from '@sextant/features';
 * const t = new TEMA(10);
 * t.add(1.5);
 * ```
 */
export class TEMA extends StreamingIndicator<number, number, State> {
  readonly #period: number;
  readonly #k: number;

  /** @param period - smoothing period, 2..100000 */
  constructor(period: number) {
    assertPeriod('TEMA', 'period', period, 2);
    super({ e1: emaState(), e2: emaState(), e3: emaState() }, Number.NaN, 3 * (period - 1));
    this.#period = period;
    this.#k = 2 / (period + 1);
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): number {
    const p = this.#period;
    const lb = p - 1;
    const a = emaStep(s.e1, x, i, p, this.#k);
    if (i < lb) return Number.NaN;
    const b = emaStep(s.e2, a, i - lb, p, this.#k);
    if (i < 2 * lb) return Number.NaN;
    const c = emaStep(s.e3, b, i - 2 * lb, p, this.#k);
    return i < 3 * lb ? Number.NaN : c + (3.0 * a - 3.0 * b);
  }
}
