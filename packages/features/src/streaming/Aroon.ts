import { assertPeriod } from '../internal/assertPeriod.js';
import type { HLC } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  hi: Float64Array;
  lo: Float64Array;
}

/** One output of {@link Aroon}. */
export interface AroonValue {
  /** Aroon up, 0..100. */
  up: number;
  /** Aroon down, 0..100. */
  down: number;
}

const EMPTY: AroonValue = Object.freeze({ up: Number.NaN, down: Number.NaN });

/**
 * Streaming twin of {@link aroon}: equal to it value for value (the most
 * recent extreme wins ties).
 *
 * @example
 * ```ts
 * import { Aroon } from '@sextant/features';
 * const a = new Aroon(25);
 * a.add({ high: 2, low: 1, close: 1.5 }).up;
 * ```
 */
export class Aroon extends StreamingIndicator<Pick<HLC, 'high' | 'low'>, AroonValue, State> {
  readonly #period: number;

  /** @param period - look-back, 2..100000 */
  constructor(period: number) {
    assertPeriod('Aroon', 'period', period, 2);
    super({ hi: new Float64Array(period + 1), lo: new Float64Array(period + 1) }, EMPTY, period);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: Pick<HLC, 'high' | 'low'>, i: number): AroonValue {
    const p = this.#period;
    const size = p + 1;
    s.hi[i % size] = c.high;
    s.lo[i % size] = c.low;
    if (i < p) return EMPTY;
    let hIdx = i - p;
    let lIdx = i - p;
    for (let t = i - p + 1; t <= i; t++) {
      if (s.hi[t % size]! >= s.hi[hIdx % size]!) hIdx = t;
      if (s.lo[t % size]! <= s.lo[lIdx % size]!) lIdx = t;
    }
    const factor = 100.0 / p;
    return { up: factor * (p - (i - hIdx)), down: factor * (p - (i - lIdx)) };
  }
}
