import type { HLCV } from './PriceInputs.type.js';
import { StreamingIndicator } from './StreamingIndicator.js';

interface State {
  prev: number;
  acc: number;
}

/**
 * Streaming twin of {@link obv}: equal to it value for value.
 *
 * @example
 * ```ts
 * import { OBV } from '@sextant/features';
 * const o = new OBV();
 * o.add({ close: 1.5, volume: 10 });
 * ```
 */
export class OBV extends StreamingIndicator<Pick<HLCV, 'close' | 'volume'>, number, State> {
  /** OBV has no parameters and no warm-up. */
  constructor() {
    super({ prev: 0, acc: 0 }, Number.NaN, 0);
  }

  /** @internal One step of the batch loop. */
  protected next(s: State, c: Pick<HLCV, 'close' | 'volume'>, i: number): number {
    if (i === 0) {
      s.prev = c.close;
      s.acc = c.volume;
      return s.acc;
    }
    if (c.close > s.prev) s.acc += c.volume;
    else if (c.close < s.prev) s.acc -= c.volume;
    s.prev = c.close;
    return s.acc;
  }
}
