import { assertPeriod } from '../internal/assertPeriod.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  sub: number;
  sum: number;
  trailing: number;
  ring: Float64Array;
}

/**
 * Streaming twin of {@link wma}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { WMA } from '@sextant/features';
 * const w = new WMA(20);
 * w.add(1.5);
 * ```
 */
export class WMA extends StreamingIndicator<number, number, State> {
  readonly #period: number;

  /** @param period - window length, 2..100000 */
  constructor(period: number) {
    assertPeriod('WMA', 'period', period, 2);
    super({ sub: 0, sum: 0, trailing: 0, ring: new Float64Array(period) }, Number.NaN, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, x: number, i: number): number {
    const p = this.#period;
    s.ring[i % p] = x;
    if (i < p - 1) {
      s.sub += x;
      s.sum += x * (i + 1);
      return Number.NaN;
    }
    s.sub += x;
    s.sub -= s.trailing;
    s.sum += x * p;
    s.trailing = s.ring[(i + 1) % p]!;
    const out = s.sum / ((p * (p + 1)) >> 1);
    s.sum -= s.sub;
    return out;
  }
}
