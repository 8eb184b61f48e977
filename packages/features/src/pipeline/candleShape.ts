import type { CandleSeries } from '@sextant/core';
import { column } from '../internal/column.js';

/**
 * Scale-free shape of each candle: body `(c - o) / o`, upper wick
 * `(h - max(o, c)) / c`, lower wick `(min(o, c) - l) / c` and range
 * `(h - l) / c`, the last three multiplied by `1 / c` (one division instead
 * of three; the streaming twin in featureStreams.ts computes the same).
 */
export function candleShape(s: CandleSeries): Float64Array[] {
  const n = s.length;
  const body = column(n);
  const upper = column(n);
  const lower = column(n);
  const range = column(n);
  const { open, high, low, close } = s;
  for (let i = 0; i < n; i++) {
    const o = open[i]!;
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    const r = 1 / c;
    body[i] = (c - o) / o;
    upper[i] = (h - Math.max(o, c)) * r;
    lower[i] = (Math.min(o, c) - l) * r;
    range[i] = (h - l) * r;
  }
  return [body, upper, lower, range];
}
