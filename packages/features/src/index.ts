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
// Streaming twins
export { StreamingIndicator } from './streaming/StreamingIndicator.js';
export type { HLC, HLCV } from './streaming/PriceInputs.type.js';
export { SMA } from './streaming/SMA.js';
export { EMA } from './streaming/EMA.js';
export { WMA } from './streaming/WMA.js';
export { DEMA } from './streaming/DEMA.js';
export { TEMA } from './streaming/TEMA.js';
export { RSI } from './streaming/RSI.js';
export { MACD, type MacdValue } from './streaming/MACD.js';
export { Bollinger, type BandValue } from './streaming/Bollinger.js';
export { StdDev } from './streaming/StdDev.js';
export { ATR } from './streaming/ATR.js';
export { NATR } from './streaming/NATR.js';
export { Stochastic, type StochValue } from './streaming/Stochastic.js';
export { StochRSI } from './streaming/StochRSI.js';
export { WillR } from './streaming/WillR.js';
export { ADX, type AdxValue } from './streaming/ADX.js';
export { CCI } from './streaming/CCI.js';
export { Aroon, type AroonValue } from './streaming/Aroon.js';
export { OBV } from './streaming/OBV.js';
export { MFI } from './streaming/MFI.js';
export { ROC } from './streaming/ROC.js';
export { MOM } from './streaming/MOM.js';
export { Keltner } from './streaming/Keltner.js';
export { Donchian } from './streaming/Donchian.js';
export { VWAP } from './streaming/VWAP.js';
export { CMF } from './streaming/CMF.js';
export { LogReturn } from './streaming/LogReturn.js';
export { RollingVolatility } from './streaming/RollingVolatility.js';
export {
  checkLookahead,
  type LookaheadLeak,
  type LookaheadReport,
  type LookaheadSubject,
} from './pipeline/checkLookahead.js';
export { toArrowTable } from './pipeline/toArrowTable.js';
// Labels
export { LABEL_CLASSES } from './labels/LABEL_CLASSES.js';
export { DEFAULT_HORIZONS, multiHorizonTargets } from './labels/multiHorizonTargets.js';
export { atrClassLabels, type AtrClassLabelOptions } from './labels/atrClassLabels.js';
export { tripleBarrierLabels, type TripleBarrierOptions } from './labels/tripleBarrierLabels.js';
// Candlestick patterns
export { candlePattern } from './kernels/candlePattern.js';
export { CandlePattern } from './streaming/CandlePattern.js';
export type { CandlePatternName } from './internal/candlePatternStep.js';
