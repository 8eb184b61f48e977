import { allocateCandleSeries, type CandleSeries } from '@sextant/core';

/**
 * Seeded synthetic 5m candles (a multiplicative random walk, LCG-driven) for
 * throughput benches. Not market data: real data is too small for millions
 * of candles. Same seed, same series.
 */
export function syntheticSeries(n: number, seed: number, start = Date.UTC(2020, 0, 1)): CandleSeries {
  const s = allocateCandleSeries(n);
  let x = seed >>> 0 || 1;
  const rnd = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  let p = 0.05;
  for (let i = 0; i < n; i++) {
    const o = p;
    p = p * (1 + (rnd() - 0.5) * 0.004);
    s.timestamp[i] = start + i * 300_000;
    s.open[i] = o;
    s.close[i] = p;
    s.high[i] = Math.max(o, p) * (1 + rnd() * 0.001);
    s.low[i] = Math.min(o, p) * (1 - rnd() * 0.001);
    s.volume[i] = 100 + rnd() * 1000;
  }
  return s;
}

/** `markets` seeded series of `n` candles each, keyed `S0/BTC`, `S1/BTC`, ... */
export function syntheticUniverse(markets: number, n: number, seed = 42): Record<string, CandleSeries> {
  const out: Record<string, CandleSeries> = {};
  for (let k = 0; k < markets; k++) out[`S${k}/BTC`] = syntheticSeries(n, seed + k);
  return out;
}
