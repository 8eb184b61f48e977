import { assertPeriod } from '../internal/assertPeriod.js';
import type { HLCV } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  num: number;
  vol: number;
  numR: Float64Array;
  volR: Float64Array;
}

/**
 * Streaming twin of {@link cmf}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { CMF } from '@sextant/features';
 * const x = new CMF(20);
 * x.add({ high: 2, low: 1, close: 1.5, volume: 10 });
 * ```
 */
export class CMF extends StreamingIndicator<HLCV, number, State> {
  readonly #period: number;

  /** @param period - window, 1..100000 */
  constructor(period: number) {
    assertPeriod('CMF', 'period', period, 1);
    super({ num: 0, vol: 0, numR: new Float64Array(period), volR: new Float64Array(period) }, Number.NaN, period - 1);
    this.#period = period;
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: HLCV, i: number): number {
    const p = this.#period;
    const r = c.high - c.low;
    const x = r !== 0 ? ((c.close - c.low - (c.high - c.close)) / r) * c.volume : 0;
    s.numR[i % p] = x;
    s.volR[i % p] = c.volume;
    s.num += x;
    s.vol += c.volume;
    if (i < p - 1) return Number.NaN;
    const out = s.vol > 0 ? s.num / s.vol : Number.NaN;
    s.num -= s.numR[(i + 1) % p]!;
    s.vol -= s.volR[(i + 1) % p]!;
    return out;
  }
}
