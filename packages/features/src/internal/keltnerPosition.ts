import { atr } from '../kernels/atr.js';
import { ema } from '../kernels/ema.js';
import { scaleFreeValue } from '../pipeline/scaleFree.js';
import { column } from './column.js';

/**
 * Position of the close in the Keltner channel, `keltner()` followed by
 * `scaleFree.position`, in one pass: the EMA (ema()'s arithmetic) and the ATR
 * (ta_ATR.c's recurrence, the same arithmetic as `atr()`) are carried in
 * registers; the bands are never stored.
 * NaN for the first `max(period - 1, atrPeriod)` candles.
 */
export function keltnerPosition(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  multiplier: number,
  atrPeriod: number,
): Float64Array {
  const n = close.length;
  if (atrPeriod === 1) {
    const pos = ema(close, period);
    // TA-Lib's ATR(1) is the raw true range; kept on the plain path.
    const a = atr(high, low, close, 1);
    for (let i = 0; i < n; i++) {
      const w = a[i]! * multiplier;
      const m = pos[i]!;
      pos[i] = scaleFreeValue.position(close[i]!, m - w, m + w);
    }
    pos.fill(Number.NaN, 0, Math.min(n, Math.max(period - 1, atrPeriod)));
    return pos;
  }
  const out = column(n, Math.max(period - 1, atrPeriod));
  if (n >= period) positionInto(high, low, close, period, multiplier, atrPeriod, out);
  return out;
}

// The EMA (emaFrom's seed and recurrence) and the ATR (ta_ATR.c's) carried
// in registers, the position written from the first bar both are defined.
function positionInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  multiplier: number,
  atrPeriod: number,
  out: Float64Array,
): void {
  const n = close.length;
  const first = period - 1;
  const k = 2 / (period + 1);
  let sum = 0;
  for (let i = 0; i <= first; i++) sum += close[i]!;
  let m = sum / period;
  let total = 0;
  let prev = 0;
  const pm1 = atrPeriod - 1;
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    const cy = close[i - 1]!;
    if (i > first) m = (c - m) * k + m;
    let g = h - l;
    const v2 = Math.abs(cy - h);
    if (v2 > g) g = v2;
    const v3 = Math.abs(cy - l);
    if (v3 > g) g = v3;
    if (i < atrPeriod) {
      total += g;
      continue;
    }
    if (i === atrPeriod) {
      total += g;
      prev = total / atrPeriod;
    } else {
      prev *= pm1;
      prev += g;
      prev /= atrPeriod;
    }
    if (i < first) continue;
    const w = prev * multiplier;
    out[i] = scaleFreeValue.position(c, m - w, m + w);
  }
}
