import { column } from './column.js';

/**
 * `macd()`'s line, signal and histogram each divided by the close
 * (`scaleFree.divide`, 0 where the close is 0), in two passes instead of
 * eight: both EMAs carried in registers while the line is written, then the
 * signal EMA carried in a register while the three ratios are written. Every EMA step is emaFrom's
 * arithmetic, so the values are `macd()` + `scaleFree.divide` to the bit.
 * NaN for the first `max(fast, slow) + signal - 2` candles.
 */
export function macdRatios(
  close: Float64Array,
  fast: number,
  slow: number,
  signal: number,
): [line: Float64Array, signal: Float64Array, histogram: Float64Array] {
  if (slow < fast) [fast, slow] = [slow, fast];
  const n = close.length;
  const start = slow - 1;
  const lb = start + signal - 1;
  const hist = column(n, lb);
  const line = column(n, lb);
  const sig = column(n, lb);
  const result: [Float64Array, Float64Array, Float64Array] = [line, sig, hist];
  if (lb >= n) return result;
  lineInto(close, fast, slow, line);
  ratiosInto(close, start, signal, line, sig, hist);
  return result;
}

/**
 * The MACD line into `line[slow - 1 ..]`: the fast EMA (emaFrom from
 * `slow - fast`) minus the slow EMA (emaFrom from 0), both in registers.
 */
function lineInto(close: Float64Array, fast: number, slow: number, line: Float64Array): void {
  const n = close.length;
  const first = slow - 1;
  const kf = 2 / (fast + 1);
  const ks = 2 / (slow + 1);
  let sumS = 0;
  for (let i = 0; i <= first; i++) sumS += close[i]!;
  let sumF = 0;
  for (let i = slow - fast; i <= first; i++) sumF += close[i]!;
  let s = sumS / slow;
  let f = sumF / fast;
  line[first] = f - s;
  for (let i = first + 1; i < n; i++) {
    const x = close[i]!;
    s = (x - s) * ks + s;
    f = (x - f) * kf + f;
    line[i] = f - s;
  }
}

/** Signal EMA of the line from `start`, then line, signal and line - signal over the close. */
function ratiosInto(
  close: Float64Array,
  start: number,
  signal: number,
  line: Float64Array,
  sig: Float64Array,
  hist: Float64Array,
): void {
  const n = close.length;
  const first = start + signal - 1;
  const k = 2 / (signal + 1);
  let sum = 0;
  for (let i = start; i <= first; i++) sum += line[i]!;
  let s = sum / signal;
  for (let i = first; i < n; i++) {
    const m = line[i]!;
    if (i > first) s = (m - s) * k + s;
    const h = m - s;
    const d = close[i]!;
    if (d !== 0) {
      line[i] = m / d;
      sig[i] = s / d;
      hist[i] = h / d;
    } else {
      // scaleFree.divide's 0 for a zero close (NaN stays NaN).
      line[i] = Number.isNaN(m) ? Number.NaN : 0;
      sig[i] = Number.isNaN(s) ? Number.NaN : 0;
      hist[i] = Number.isNaN(h) ? Number.NaN : 0;
    }
  }
  line.fill(Number.NaN, start, first);
}
