import { atr } from '../kernels/atr.js';
import { ema } from '../kernels/ema.js';
import { scaleFreeValue } from '../pipeline/scaleFree.js';

/**
 * Position of the close in the Keltner channel, `keltner()` followed by
 * `scaleFree.position`, with the EMA written straight into the output column
 * and the ATR (ta_ATR.c's recurrence, the same arithmetic as `atr()`) run
 * alongside instead of in a temporary column; the bands are never stored.
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
  const pos = ema(close, period);
  if (atrPeriod === 1) {
    // TA-Lib's ATR(1) is the raw true range; kept on the plain path.
    const a = atr(high, low, close, 1);
    for (let i = 0; i < n; i++) {
      const w = a[i]! * multiplier;
      const m = pos[i]!;
      pos[i] = scaleFreeValue.position(close[i]!, m - w, m + w);
    }
  } else {
    let total = 0;
    let prev = 0;
    const pm1 = atrPeriod - 1;
    for (let i = 1; i < n; i++) {
      const h = high[i]!;
      const l = low[i]!;
      const cy = close[i - 1]!;
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
      const w = prev * multiplier;
      const m = pos[i]!;
      pos[i] = scaleFreeValue.position(close[i]!, m - w, m + w);
    }
  }
  pos.fill(Number.NaN, 0, Math.min(n, Math.max(period - 1, atrPeriod)));
  return pos;
}
