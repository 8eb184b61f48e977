import { TIMEFRAME_LIST, type Timeframe } from '@sextant/core';
import { z } from 'zod';
import { FEATURE_KINDS } from './featureKinds.js';

const k = FEATURE_KINDS;

/** One feature definition: a `kind` from the registry plus its parameters. */
export const FeatureDefSchema = z.discriminatedUnion('kind', [
  k.logReturn.schema,
  k.ma.schema,
  k.rsi.schema,
  k.bollinger.schema,
  k.macd.schema,
  k.stochastic.schema,
  k.stochRsi.schema,
  k.atr.schema,
  k.stddev.schema,
  k.adx.schema,
  k.aroon.schema,
  k.cci.schema,
  k.mfi.schema,
  k.willr.schema,
  k.roc.schema,
  k.volumeRatio.schema,
  k.keltner.schema,
  k.donchian.schema,
  k.vwap.schema,
  k.cmf.schema,
  k.obvSlope.schema,
  k.volatility.schema,
  k.patterns.schema,
  k.candle.schema,
]);

/** A feature definition as written (`z.input`), e.g. `{ kind: 'rsi', period: 14 }`. */
export type FeatureDefInput = z.input<typeof FeatureDefSchema>;
/** A resolved feature definition with every default filled in. */
export type FeatureDef = z.output<typeof FeatureDefSchema>;

/**
 * The default feature set (49 scale-free features): lagged log returns, price
 * relative to SMA 10/20/50 and EMA 9/21/50/200, RSI 7/14, Bollinger position
 * and width, MACD/close, stochastic, ATR/close, stddev/close,
 * ADX and DIs, Aroon, CCI, MFI, Williams %R, ROC, volume ratio, Keltner and
 * Donchian position, close/VWAP, CMF, OBV slope, volatility, candle shape and
 * TA-Lib's engulfing, doji, hammer and shooting-star patterns (/100).
 */
export const DEFAULT_FEATURES: readonly FeatureDefInput[] = [
  { kind: 'logReturn', period: 1 },
  { kind: 'logReturn', period: 1, lag: 1 },
  { kind: 'logReturn', period: 1, lag: 2 },
  { kind: 'logReturn', period: 1, lag: 3 },
  { kind: 'logReturn', period: 3 },
  { kind: 'logReturn', period: 12 },
  { kind: 'ma', type: 'sma', period: 10 },
  { kind: 'ma', type: 'sma', period: 20 },
  { kind: 'ma', type: 'sma', period: 50 },
  { kind: 'ma', type: 'ema', period: 9 },
  { kind: 'ma', type: 'ema', period: 21 },
  { kind: 'ma', type: 'ema', period: 50 },
  { kind: 'ma', type: 'ema', period: 200 },
  { kind: 'rsi', period: 7 },
  { kind: 'rsi', period: 14 },
  { kind: 'bollinger', period: 20, stdDev: 2 },
  { kind: 'macd', fast: 12, slow: 26, signal: 9 },
  { kind: 'stochastic', kPeriod: 14, kSmooth: 3, dPeriod: 3 },
  { kind: 'atr', period: 14 },
  { kind: 'stddev', period: 20 },
  { kind: 'adx', period: 14 },
  { kind: 'aroon', period: 25 },
  { kind: 'cci', period: 20 },
  { kind: 'mfi', period: 14 },
  { kind: 'willr', period: 14 },
  { kind: 'roc', period: 10 },
  { kind: 'volumeRatio', period: 20 },
  { kind: 'keltner', period: 20, multiplier: 2, atrPeriod: 10 },
  { kind: 'donchian', period: 20 },
  { kind: 'vwap', period: 20 },
  { kind: 'cmf', period: 20 },
  { kind: 'obvSlope', period: 20 },
  { kind: 'volatility', period: 20 },
  { kind: 'candle' },
  { kind: 'patterns' },
];

/** FreqAI-style expansion of the feature list. */
export const FeatureExpansionSchema = z.object({
  /** Repeat every feature that has a `period` over each of these periods (bars). @default [] */
  periods: z.array(z.number().int().min(1).max(100_000)).default([]),
  /** Add copies of every feature shifted by 1..shifts candles. @default 0 */
  shifts: z.number().int().min(0).max(100).default(0),
  /** Also compute every feature on these higher timeframes, joined without look-ahead. @default [] */
  timeframes: z.array(z.enum(TIMEFRAME_LIST as [Timeframe, ...Timeframe[]])).default([]),
  /** Also compute every feature on these correlated markets (passed to `compute`). @default [] */
  pairs: z.array(z.string().min(1)).default([]),
});

/**
 * A {@link FeaturePipeline}'s declarative spec. Parsed once, frozen; its
 * canonical JSON is what the feature hash covers.
 */
export const FeaturePipelineConfigSchema = z.object({
  /** The features, in column order. @default DEFAULT_FEATURES */
  features: z
    .array(FeatureDefSchema)
    .min(1)
    .prefault([...DEFAULT_FEATURES]),
  /** FreqAI-style expansion. @default no expansion */
  expand: FeatureExpansionSchema.prefault({}),
  /** Base timeframe of the series; required with `expand.timeframes`. */
  timeframe: z.enum(TIMEFRAME_LIST as [Timeframe, ...Timeframe[]]).optional(),
});

/** A pipeline spec as written. */
export type FeaturePipelineConfigInput = z.input<typeof FeaturePipelineConfigSchema>;
/** A resolved pipeline spec. */
export type FeaturePipelineConfig = z.output<typeof FeaturePipelineConfigSchema>;
