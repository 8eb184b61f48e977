import type { FeatureDefInput } from '@sextant/features';

/**
 * The demo's and `train`'s default features: a compact, scale-free set of
 * `@sextant/features` pipeline definitions (returns, EMA distance, RSI,
 * Bollinger, MACD, ATR, volume ratio, volatility).
 *
 * @example
 * ```ts
 * import { CLI_FEATURES } from '@sextant/cli';
 * import { FeaturePipeline } from '@sextant/features';
 * const pipeline = new FeaturePipeline({ features: [...CLI_FEATURES] });
 * ```
 */
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
