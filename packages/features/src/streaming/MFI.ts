import { assertPeriod } from '../internal/assertPeriod.js';
import type { HLCV } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  pos: number;
  neg: number;
  prev: number;
  posR: Float64Array;
  negR: Float64Array;
}

/**
 * Streaming twin of {@link mfi}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { MFI } from '@sextant/features';
 * const m = new MFI(14);
 * m.add({ high: 2, low: 1, close: 1.5, volume: 10 });
 * ```
 */
export class MFI extends StreamingIndicator<HLCV, number, State> {
  readonly #period: number;

  /** @param period - window, 2..100000 */
  constructor(period: number) {
    assertPeriod('MFI', 'period', period, 2);
    const state = { pos: 0, neg: 0, prev: 0, posR: new Float64Array(period), negR: new Float64Array(period) };
    super(state, Number.NaN, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLCV, i: number): number {
    const p = this.#period;
    if (i === 0) {
      s.prev = (c.high + c.low + c.close) / 3.0;
      return Number.NaN;
    }
    const slot = (i - 1) % p;
    if (i > p) {
      s.pos -= s.posR[slot]!;
      s.neg -= s.negR[slot]!;
    }
    let tp = (c.high + c.low + c.close) / 3.0;
    const d = tp - s.prev;
    s.prev = tp;
    tp *= c.volume;
    if (d < 0) {
      s.negR[slot] = tp;
      s.neg += tp;
      s.posR[slot] = 0.0;
    } else if (d > 0) {
      s.posR[slot] = tp;
      s.pos += tp;
      s.negR[slot] = 0.0;
    } else {
      s.posR[slot] = 0.0;
      s.negR[slot] = 0.0;
    }
    if (i < p) return Number.NaN;
    const sum = s.pos + s.neg;
    return sum < 1.0 ? 0.0 : 100.0 * (s.pos / sum);
  }
}
