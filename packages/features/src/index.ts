export type { FeatureFrame } from './FeatureFrame.type.js';
// Kernels
export { sma } from './kernels/sma.js';
export { ema } from './kernels/ema.js';
export { wma } from './kernels/wma.js';
export { dema } from './kernels/dema.js';
export { tema } from './kernels/tema.js';
export { rsi } from './kernels/rsi.js';
export { macd, type MacdResult } from './kernels/macd.js';
export { bollinger, type BollingerResult } from './kernels/bollinger.js';
export { stddev } from './kernels/stddev.js';
export { atr } from './kernels/atr.js';
export { natr } from './kernels/natr.js';
export { stochastic, type StochasticResult } from './kernels/stochastic.js';
export { stochRsi } from './kernels/stochRsi.js';
export { willr } from './kernels/willr.js';
export { adx, type AdxResult } from './kernels/adx.js';
export { cci } from './kernels/cci.js';
export { aroon, type AroonResult } from './kernels/aroon.js';
export { obv } from './kernels/obv.js';
export { mfi } from './kernels/mfi.js';
export { roc } from './kernels/roc.js';
export { mom } from './kernels/mom.js';
export { keltner, type ChannelResult } from './kernels/keltner.js';
export { donchian } from './kernels/donchian.js';
export { vwap } from './kernels/vwap.js';
export { cmf } from './kernels/cmf.js';
export { logReturns } from './kernels/logReturns.js';
export { rollingVolatility } from './kernels/rollingVolatility.js';
// Labels
export { forwardReturn } from './labels/forwardReturn.js';
// Pipeline
export {
  DEFAULT_FEATURES,
  FeatureDefSchema,
  FeatureExpansionSchema,
  FeaturePipelineConfigSchema,
  type FeatureDef,
  type FeatureDefInput,
  type FeaturePipelineConfig,
  type FeaturePipelineConfigInput,
} from './pipeline/FeaturePipelineConfigSchema.js';
export { FeaturePipeline, type FeatureColumns, type FeatureComputeOptions } from './pipeline/FeaturePipeline.js';
export { createFeatureSource } from './pipeline/createFeatureSource.js';
export { precomputedFeatureSource } from './pipeline/precomputedFeatureSource.js';
// Timeframes
export { inferTimeframe } from './timeframes/inferTimeframe.js';
export { resample, type ResampleOptions } from './timeframes/resample.js';
export { alignToBase, type TimedColumns } from './timeframes/alignToBase.js';
