/**
 * A model-driven strategy for execution's tests and bench: features
 * precomputed per market as Float64Array columns (what a feature frame
 * gives), looked up by candle time; two linear models (two horizons); the
 * core DecisionEngine turning them into decisions.
 */
import type { CandleEvent, CandleSeries, FeatureSource, Predictor } from '@sextant/core';

const NAMES = ['ret_1', 'ret_6', 'range'] as const;

/** Precomputed features of every market: returns over 1 and 6 candles and the candle range. */
export class PrecomputedFeatures implements FeatureSource {
  readonly names = NAMES;
  readonly hash = 'precomputed-v1';
  #cols = new Map<string, { t0: number; step: number; ts: Float64Array; values: Float64Array }>();
  #row = new Float64Array(NAMES.length);

  constructor(series: Readonly<Record<string, CandleSeries>>) {
    for (const [symbol, s] of Object.entries(series)) {
      const n = s.length;
      const values = new Float64Array(n * NAMES.length).fill(Number.NaN);
      for (let i = 6; i < n; i++) {
        const c = s.close[i] as number;
        values[i * 3] = c / (s.close[i - 1] as number) - 1;
        values[i * 3 + 1] = c / (s.close[i - 6] as number) - 1;
        values[i * 3 + 2] = ((s.high[i] as number) - (s.low[i] as number)) / c;
      }
      const t0 = s.timestamp[0] as number;
      this.#cols.set(symbol, { t0, step: (s.timestamp[1] as number) - t0, ts: s.timestamp, values });
    }
  }

  update(e: CandleEvent): Float64Array | null {
    const c = this.#cols.get(e.symbol);
    if (!c) return null;
    let i = Math.round((e.candle.timestamp - c.t0) / c.step);
    if (c.ts[i] !== e.candle.timestamp) i = c.ts.indexOf(e.candle.timestamp);
    const v = c.values[i * 3];
    if (i < 0 || v === undefined || Number.isNaN(v)) return null;
    this.#row[0] = v;
    this.#row[1] = c.values[i * 3 + 1] as number;
    this.#row[2] = c.values[i * 3 + 2] as number;
    return this.#row;
  }
}

/** A linear model over the three features. */
export function linearModel(name: string, weights: readonly [number, number, number], horizonMs: number): Predictor {
  const [a, b, c] = weights;
  return {
    name,
    horizonMs,
    predict: (f) => {
      const value = a * (f[0] as number) + b * (f[1] as number) + c * (f[2] as number);
      return { value, confidence: Math.min(1, 0.5 + Math.abs(value) * 50), trusted: true };
    },
  };
}
