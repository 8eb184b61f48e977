import type { CandleSeries } from '@sextant/core';
import { column } from '../internal/column.js';

/**
 * Scale-free shape of each candle: body `(c - o) / o`, upper wick
 * `(h - max(o, c)) / c`, lower wick `(min(o, c) - l) / c` and range
 * `(h - l) / c`.
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
    body[i] = (c - o) / o;
    upper[i] = (h - Math.max(o, c)) / c;
    lower[i] = (Math.min(o, c) - l) / c;
    range[i] = (h - l) / c;
  }
  return [body, upper, lower, range];
}
