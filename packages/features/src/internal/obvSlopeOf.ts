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
    if (x > prev) acc += volume[i]!;
    else if (x < prev) acc -= volume[i]!;
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
