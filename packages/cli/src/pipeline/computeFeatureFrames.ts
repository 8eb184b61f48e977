import type { CandleSeries, Timeframe } from '@sextant/core';
import { type FeatureDefInput, type FeatureFrame, FeaturePipeline } from '@sextant/features';
import { CLI_FEATURES } from './CLI_FEATURES.js';

/**
 * Compute one feature frame per market with a `FeaturePipeline` from
 * `@sextant/features` (batch, vectorised).
 *
 * @param series - candles by market
 * @param timeframe - their timeframe
 * @param features - feature definitions. @default {@link CLI_FEATURES}
 * @returns frames by market (rows from the end of each feature's warm-up)
 * @example
 * ```ts
 * import { computeFeatureFrames, loadDemoCandles } from '@sextant/cli';
 * const frames = computeFeatureFrames(await loadDemoCandles(), '5m');
 * frames['ETH/BTC']?.names; // ['logret_1', ...]
 * ```
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
