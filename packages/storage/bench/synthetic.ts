import { type CandleSeries, allocateCandleSeries, seededRandom } from '@sextant/core';

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;

/**
 * `n` synthetic 1m candles from 2018-01-01 UTC: a seeded random walk with
 * prices rounded to 8 decimals (satoshis) like real BTC-quoted markets and a
 * gap-free grid.
 */
export function syntheticCandles(n: number, seed: number): CandleSeries {
  const rnd = seededRandom(seed);
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
