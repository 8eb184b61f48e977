import { column } from './column.js';

/**
 * The pipeline's OBV slope, `scaleFree.obvSlope(obv(close, volume), volume,
 * period)`, in one pass: the OBV running total is carried in a register
 * (obv()'s arithmetic) and its last `period` values kept in a ring, so the
 * OBV line is never stored. NaN for the first `period` candles.
 */
export function obvSlopeOf(close: Float64Array, volume: Float64Array, period: number): Float64Array {
  const n = close.length;
  const out = column(n);
  if (n === 0) return out;
  const ring = new Float64Array(period);
  let slot = 0; // i % period: holds OBV of bar i - period until overwritten
  let sum = 0;
  let prev = close[0]!;
  let acc = volume[0]!;
  for (let i = 0; i < n; i++) {
    const x = close[i]!;
    const v = volume[i]!;
    // Branch-free on the direction (random on market data): a finite volume
    // times +1 or -1 is added exactly as TA-Lib adds or subtracts it. An
    // unchanged close or a non-finite volume takes TA-Lib's branches.
    const dir = +(x > prev) - +(x < prev);
    if (dir !== 0 && v - v === 0) acc += v * dir;
    else if (x > prev) acc += v;
    else if (x < prev) acc -= v;
    prev = x;
    const old = ring[slot]!;
    ring[slot] = acc;
    if (++slot === period) slot = 0;
    if (i > 0) sum += volume[i]!;
    if (i > period) sum -= volume[i - period]!;
    out[i] = i >= period ? (sum > 0 ? (acc - old) / sum : 0) : Number.NaN;
  }
  return out;
}
