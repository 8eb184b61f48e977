import { cciTilesInto } from './cciTilesInto.js';
import { cciTailInto } from './cciWindow.js';

/**
 * CCI of `period` into `out[period - 1 ..]`: in WebAssembly, eight bars at
 * a time, where it runs ({@link cciTilesInto}); otherwise in JavaScript,
 * four bars at a time: four copies of TA-Lib's circular buffer, each one bar
 * further on, are summed side by side, so the four sums (each a chain of
 * dependent additions) overlap in the CPU instead of waiting on each other.
 * Each bar's sums run over its own buffer in slot order, exactly as
 * cciWindow does. Each value is multiplied by `scale` (the pipeline's 0.01;
 * 1 leaves it unchanged).
 */
export function cciInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  scale = 1,
): void {
  if (cciTilesInto(high, low, close, period, out, scale)) return;
  const n = close.length;
  // Four rings interleaved: q[4 * slot + k] is ring k's slot.
  const q = new Float64Array(4 * period);
  let i = 0;
  let slot = 0; // i % period, without a division per candle
  for (; i < period - 1 && i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    const b = 4 * slot;
    q[b] = q[b + 1] = q[b + 2] = q[b + 3] = tp;
    if (++slot === period) slot = 0;
  }
  const end = 4 * period;
  for (; i + 3 < n; i += 4) {
    // Bars i..i+3: ring k holds the window of bar i + k.
    const s0 = 4 * slot;
    let s1 = s0 + 4;
    if (s1 === end) s1 = 0;
    let s2 = s1 + 4;
    if (s2 === end) s2 = 0;
    let s3 = s2 + 4;
    if (s3 === end) s3 = 0;
    slot = (s3 >> 2) + 1;
    if (slot === period) slot = 0;
    const t0 = (high[i]! + low[i]! + close[i]!) / 3;
    const t1 = (high[i + 1]! + low[i + 1]! + close[i + 1]!) / 3;
    const t2 = (high[i + 2]! + low[i + 2]! + close[i + 2]!) / 3;
    const t3 = (high[i + 3]! + low[i + 3]! + close[i + 3]!) / 3;
    q[s0] = t0;
    q[s0 + 1] = t0;
    q[s1 + 1] = t1;
    q[s0 + 2] = t0;
    q[s1 + 2] = t1;
    q[s2 + 2] = t2;
    q[s0 + 3] = t0;
    q[s1 + 3] = t1;
    q[s2 + 3] = t2;
    q[s3 + 3] = t3;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let j = 0; j < end; j += 4) {
      a0 += q[j]!;
      a1 += q[j + 1]!;
      a2 += q[j + 2]!;
      a3 += q[j + 3]!;
    }
    a0 /= period;
    a1 /= period;
    a2 /= period;
    a3 /= period;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    for (let j = 0; j < end; j += 4) {
      d0 += Math.abs(q[j]! - a0);
      d1 += Math.abs(q[j + 1]! - a1);
      d2 += Math.abs(q[j + 2]! - a2);
      d3 += Math.abs(q[j + 3]! - a3);
    }
    const u0 = t0 - a0;
    const u1 = t1 - a1;
    const u2 = t2 - a2;
    const u3 = t3 - a3;
    out[i] = (u0 !== 0.0 && d0 !== 0.0 ? u0 / (0.015 * (d0 / period)) : 0.0) * scale;
    out[i + 1] = (u1 !== 0.0 && d1 !== 0.0 ? u1 / (0.015 * (d1 / period)) : 0.0) * scale;
    out[i + 2] = (u2 !== 0.0 && d2 !== 0.0 ? u2 / (0.015 * (d2 / period)) : 0.0) * scale;
    out[i + 3] = (u3 !== 0.0 && d3 !== 0.0 ? u3 / (0.015 * (d3 / period)) : 0.0) * scale;
    // Bring rings 0..2 up to bar i + 3.
    q[s1] = t1;
    q[s2] = t2;
    q[s3] = t3;
    q[s2 + 1] = t2;
    q[s3 + 1] = t3;
    q[s3 + 2] = t3;
  }
  cciTailInto(high, low, close, period, out, scale, i, slot, q, 4);
}
