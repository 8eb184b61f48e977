import type { CandleSeries, FeatureSource, Timeframe } from '@sextant/core';
import { type FeatureDefInput, type FeatureFrame, FeaturePipeline, precomputedFeatureSource } from '@sextant/features';

/** The demo's and `train`'s default features: a compact, scale-free set. */
export const CLI_FEATURES: readonly FeatureDefInput[] = [
  { kind: 'logReturn', period: 1 },
  { kind: 'logReturn', period: 1, lag: 1 },
  { kind: 'logReturn', period: 3 },
  { kind: 'logReturn', period: 12 },
  { kind: 'ma', type: 'ema', period: 9 },
  { kind: 'ma', type: 'ema', period: 50 },
  { kind: 'rsi', period: 14 },
  { kind: 'bollinger', period: 20, stdDev: 2 },
  { kind: 'macd', fast: 12, slow: 26, signal: 9 },
  { kind: 'atr', period: 14 },
  { kind: 'volumeRatio', period: 20 },
  { kind: 'volatility', period: 20 },
];

/**
 * Compute one feature frame per market with a `FeaturePipeline` from
 * `@sextant/features` (batch, vectorised).
 *
 * @param series - candles by market
 * @param timeframe - their timeframe
 * @param features - feature definitions. @default {@link CLI_FEATURES}
 * @returns frames by market, row-aligned with the candles
 */
export function computeFeatureFrames(
  series: Readonly<Record<string, CandleSeries>>,
  timeframe: Timeframe,
  features: readonly FeatureDefInput[] = CLI_FEATURES,
): Record<string, FeatureFrame> {
  const pipeline = new FeaturePipeline({ features: [...features], timeframe });
  const out: Record<string, FeatureFrame> = {};
  for (const [symbol, s] of Object.entries(series)) out[symbol] = pipeline.compute(s);
  return out;
}

/**
 * The runner's feature port over precomputed frames (a lookup by market and
 * candle time; each row only used candles up to its own).
 *
 * @param frames - frames by market
 * @returns a `FeatureSource` for `createBot`/`runBacktest`
 */
export function featureSourceFor(frames: Readonly<Record<string, FeatureFrame>>): FeatureSource {
  return precomputedFeatureSource(frames);
}
