import { assertSameLength } from '../internal/assertPeriod.js';

/**
 * On-balance volume, exact to TA-Lib's `OBV` (ta_OBV.c): starts at the first
 * volume, then adds the volume on up closes and subtracts it on down closes.
 *
 * @param close - closes, oldest first
 * @param volume - volumes
 * @returns cumulative volume, no warm-up
 * @throws InvalidArgumentError when lengths differ
 * @example
 * ```ts
 * import { obv } from '@sextant/features';
 * const o = obv(series.close, series.volume);
 * ```
 */
export function obv(close: Float64Array, volume: Float64Array): Float64Array {
  const n = assertSameLength('obv', { close, volume });
  const out = new Float64Array(n);
  if (n === 0) return out;
  obvLoop(close, volume, out, n);
  return out;
}

// The loop in a function of its own (see atr's atrLoop), its running total
// starting from a local, never from a parameter.
function obvLoop(close: Float64Array, volume: Float64Array, out: Float64Array, n: number): void {
  let prev = close[0]!;
  let acc = volume[0]!;
  for (let i = 0; i < n; i++) {
    const x = close[i]!;
    const v = volume[i]!;
    // Branch-free on the direction, exact (see obvSlopeOf).
    const dir = +(x > prev) - +(x < prev);
    if (dir !== 0 && v - v === 0) acc += v * dir;
    else if (x > prev) acc += v;
    else if (x < prev) acc -= v;
    out[i] = acc;
    prev = x;
  }
}
