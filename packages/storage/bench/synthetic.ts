import { type CandleSeries, allocateCandleSeries } from '@sextant/core';

/** mulberry32: a small seeded PRNG (public domain). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;

/**
 * `n` synthetic 1m candles from 2018-01-01 UTC: a seeded random walk with
 * prices rounded to 8 decimals (satoshis) like real BTC-quoted markets and a
 * gap-free grid.
 */
export function syntheticCandles(n: number, seed: number): CandleSeries {
  const rnd = mulberry32(seed);
  const s = allocateCandleSeries(n);
  const t0 = Date.UTC(2018, 0, 1);
  let price = 0.05;
  for (let i = 0; i < n; i++) {
    const open = round8(price);
    const close = round8(open * (1 + (rnd() - 0.5) * 0.004));
    const high = round8(Math.max(open, close) * (1 + rnd() * 0.0015));
    const low = round8(Math.min(open, close) * (1 - rnd() * 0.0015));
    s.timestamp[i] = t0 + i * 60_000;
    s.open[i] = open;
    s.high[i] = high;
    s.low[i] = low;
    s.close[i] = close;
    s.volume[i] = round8(rnd() * rnd() * 500);
    price = close;
  }
  return s;
}
