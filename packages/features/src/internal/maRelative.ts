import { column } from './column.js';

/**
 * Close relative to its SMA or EMA, `close / ma - 1` (`scaleFree.relative`
 * of `sma()` or `ema()`), in one pass: the average is carried in a register
 * with exactly smaFrom's or emaFrom's arithmetic and never stored. NaN for
 * the first `period - 1` candles (and where the average is 0).
 */
export function maRelative(close: Float64Array, type: 'sma' | 'ema', period: number): Float64Array {
  const n = close.length;
  const first = period - 1;
  const out = column(n, first);
  if (first >= n) return out;
  if (type === 'sma') smaRelativeInto(close, period, out);
  else emaRelativeInto(close, period, out);
  return out;
}

function smaRelativeInto(c: Float64Array, period: number, out: Float64Array): void {
  const n = c.length;
  const first = period - 1;
  let total = 0;
  for (let i = 0; i < first; i++) total += c[i]!;
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = c[i]!;
    total += x;
    const m = total / period;
    total -= c[t]!;
    out[i] = m !== 0 ? x / m - 1 : Number.NaN;
  }
}

function emaRelativeInto(c: Float64Array, period: number, out: Float64Array): void {
  const n = c.length;
  const first = period - 1;
  const k = 2 / (period + 1);
  let sum = 0;
  for (let i = 0; i <= first; i++) sum += c[i]!;
  let prev = sum / period;
  out[first] = prev !== 0 ? c[first]! / prev - 1 : Number.NaN;
  for (let i = first + 1; i < n; i++) {
    const x = c[i]!;
    prev = (x - prev) * k + prev;
    out[i] = prev !== 0 ? x / prev - 1 : Number.NaN;
  }
}

/**
 * `values / sma(values)`, 0 where the average is 0 (`scaleFree.divide` of
 * `sma()`, the volume ratio), in one pass with smaFrom's arithmetic. NaN for
 * the first `period - 1` candles.
 */
export function smaRatio(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const first = period - 1;
  const out = column(n, first);
  if (first >= n) return out;
  let total = 0;
  for (let i = 0; i < first; i++) total += values[i]!;
  for (let i = first, t = 0; i < n; i++, t++) {
    const x = values[i]!;
    total += x;
    const m = total / period;
    total -= values[t]!;
    out[i] = m !== 0 ? x / m : Number.isNaN(x) || Number.isNaN(m) ? Number.NaN : 0;
  }
  return out;
}
