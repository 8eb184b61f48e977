import { assertPeriod, assertSameLength } from '../internal/assertPeriod.js';
import { nanArray } from '../internal/nanArray.js';

/**
 * Money flow index, exact to TA-Lib's `MFI` (ta_MFI.c): positive and
 * negative money flow (typical price x volume) over `period` bars,
 * `100 * pos / (pos + neg)`; 0 when the total flow is below 1, as in TA-Lib.
 *
 * @param high - highs, oldest first
 * @param low - lows
 * @param close - closes
 * @param volume - volumes
 * @param period - window, 2..100000 (usual 14)
 * @returns values in 0..100; the first `period` entries are NaN
 * @throws InvalidArgumentError when lengths differ or `period` is out of range
 * @example
 * ```ts
 * import { mfi } from '@sextant/features';
 * const m = mfi(series.high, series.low, series.close, series.volume, 14);
 * ```
 */
export function mfi(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
): Float64Array {
  assertPeriod('mfi', 'period', period, 2);
  const n = assertSameLength('mfi', { high, low, close, volume });
  const out = nanArray(n, period);
  if (n <= period) return out;
  mfiInto(high, low, close, volume, period, out, 1);
  return out;
}

// The loop lives in its own function with no calls before it: V8 optimises
// it cleanly on every call (a kernel whose prologue calls helpers keeps
// deoptimising back into the interpreter on its first calls).
/**
 * {@link mfi}'s loop into `out[period ..]` (needs `length > period`), each
 * value times `scale` (1 leaves it unchanged).
 */
export function mfiInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
  out: Float64Array,
  scale: number,
): void {
  const prev = (high[0]! + low[0]! + close[0]!) / 3.0;
  mfiLoop(
    high,
    low,
    close,
    volume,
    period,
    out,
    scale,
    close.length,
    new Float64Array(period),
    new Float64Array(period),
    prev,
  );
}

// The loop alone, everything it starts from passed in: V8 gives a function
// its type feedback only after it has run a while, so code before a long
// loop has none on the first call, and the function compiled then bails out
// at its first line and may stay on slower code. With nothing before the
// loop, every operation has feedback by the time it is compiled.
function mfiLoop(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period: number,
  out: Float64Array,
  scale: number,
  n: number,
  posR: Float64Array,
  negR: Float64Array,
  firstTypical: number,
): void {
  // A local, not the parameter: a loop-carried parameter is kept boxed, and
  // V8 then allocates a heap number on every bar (4 MB per million).
  let prev = +firstTypical;
  let pos = 0;
  let neg = 0;
  let slot = 0;
  for (let i = 1; i < n; i++) {
    if (i > period) {
      pos -= posR[slot]!;
      neg -= negR[slot]!;
    }
    let tp = (high[i]! + low[i]! + close[i]!) / 3.0;
    const d = tp - prev;
    prev = tp;
    tp *= volume[i]!;
    // Branch-free on the direction (random on market data): the flow goes to
    // the positive or negative side multiplied by 1 or 0, and adding 0 leaves
    // a sum unchanged, so the totals are TA-Lib's. Only a non-finite flow
    // (where x * 0 is NaN) takes TA-Lib's branches literally.
    let pv: number;
    let nv: number;
    if (tp - tp === 0) {
      pv = tp * +(d > 0);
      nv = tp * +(d < 0);
    } else {
      pv = d > 0 ? tp : 0.0;
      nv = d < 0 ? tp : 0.0;
    }
    posR[slot] = pv;
    negR[slot] = nv;
    pos += pv;
    neg += nv;
    if (++slot === period) slot = 0;
    if (i >= period) {
      const s = pos + neg;
      out[i] = (s < 1.0 ? 0.0 : 100.0 * (pos / s)) * scale;
    }
  }
}
