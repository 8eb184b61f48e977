/**
 * CCI of one full window held in `ring` (slot `i % period`, TA-Lib's
 * circular-buffer layout) for the newest typical price `tp`, with TA-Lib's
 * arithmetic (ta_CCI.c): the average and the mean deviation are both summed
 * in slot order, so the result is TA-Lib's to the bit. Shared by the
 * streaming twin and the kernel's tail; the kernel's four-bar loop
 * (cciInto.ts) performs the same operations in the same order.
 */
export function cciWindow(ring: Float64Array, period: number, tp: number): number {
  let sum = 0;
  for (let j = 0; j < period; j++) sum += ring[j]!;
  const avg = sum / period;
  let dev = 0;
  for (let j = 0; j < period; j++) dev += Math.abs(ring[j]! - avg);
  const t = tp - avg;
  return t !== 0.0 && dev !== 0.0 ? t / (0.015 * (dev / period)) : 0.0;
}

/**
 * CCI of bars `i ..` one at a time with {@link cciWindow}, on copy 0 of
 * `rings`: `copies` interleaved copies of TA-Lib's circular buffer
 * (`rings[copies * slot + k]`), each holding the window of bar `i - 1`;
 * `slot` is bar `i`'s. How the batch loops (JavaScript and WebAssembly)
 * finish the bars left over from their groups.
 */
export function cciTailInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  scale: number,
  i: number,
  slot: number,
  rings: Float64Array,
  copies: number,
): void {
  const n = close.length;
  const ring = new Float64Array(period);
  for (let j = 0; j < period; j++) ring[j] = rings[copies * j]!;
  for (; i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    ring[slot] = tp;
    if (++slot === period) slot = 0;
    if (i >= period - 1) out[i] = cciWindow(ring, period, tp) * scale;
  }
}
