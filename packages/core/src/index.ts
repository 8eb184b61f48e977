// Errors
export { ERROR_CODES, type ErrorCode } from './errors/errorCodes.js';
export { SextantError, SEXTANT_ERROR_BRAND, type SextantErrorOptions } from './errors/SextantError.js';
export { isSextantError } from './errors/isSextantError.js';
export { toSextantError } from './errors/toSextantError.js';
export { InvalidArgumentError } from './errors/InvalidArgumentError.js';
export { InvalidCandlesError } from './errors/InvalidCandlesError.js';
export { ConfigError, type ConfigIssue } from './errors/ConfigError.js';
export { RunnerError } from './errors/RunnerError.js';
// Time
export { TIMEFRAMES, TIMEFRAME_LIST, isTimeframe, type Timeframe } from './time/Timeframe.js';
export { timeframeToMs } from './time/timeframeToMs.js';
// Candles
export type { Candle, CandleField, CandleSeries, OHLCVRow } from './candles/CandleSeries.type.js';
export type { CandleGap, CandleValidationReport, InvalidCandle } from './candles/CandleValidationReport.type.js';
export { CANDLE_FIELDS } from './candles/CANDLE_FIELDS.js';
export { allocateCandleSeries, createCandleSeries, type CandleColumns } from './candles/createCandleSeries.js';
export { candlesFromOHLCV } from './candles/candlesFromOHLCV.js';
export { toOHLCV } from './candles/toOHLCV.js';
export { candleAt } from './candles/candleAt.js';
export { sliceSeries, sliceSeriesByTime } from './candles/sliceSeries.js';
export { concatSeries } from './candles/concatSeries.js';
export { mergeSeries } from './candles/mergeSeries.js';
export { sortCandles } from './candles/sortCandles.js';
export { validateCandles, isoTime, type ValidateCandlesOptions } from './candles/validateCandles.js';
export { assertValidCandles, type AssertValidCandlesOptions } from './candles/assertValidCandles.js';
// Decisions
export {
  DECISION_ACTIONS,
  DecisionSchema,
  holdDecision,
  type Decision,
  type DecisionAction,
} from './decision/Decision.js';
// Config
export {
  CostsConfigSchema,
  ExchangeConfigSchema,
  ModelConfigSchema,
  RiskConfigSchema,
  SextantConfigSchema,
  StorageConfigSchema,
  ThresholdsConfigSchema,
  type SextantConfig,
  type SextantConfigInput,
} from './config/SextantConfigSchema.js';
export { parseConfig, parseWith } from './config/parseConfig.js';
export { formatZodIssues } from './config/formatZodIssues.js';
// Randomness
export { seededRandom } from './random/seededRandom.js';
// Clocks
export type { Clock } from './clock/Clock.type.js';
export { LiveClock } from './clock/LiveClock.js';
export { ReplayClock } from './clock/ReplayClock.js';
// Runner
export type { CandleEvent } from './runner/CandleEvent.type.js';
export type { CandleFeed } from './runner/CandleFeed.type.js';
export type { FeatureSource } from './runner/FeatureSource.type.js';
export type { Prediction, Predictor, SyncPredictor } from './runner/Predictor.type.js';
export type { DecisionContext, DecisionPolicy } from './runner/DecisionPolicy.type.js';
export type { MarketSnapshot, PortfolioSnapshot, PositionSnapshot } from './runner/Portfolio.type.js';
export type { Fill, Order, OrderIntent, OrderSide, OrderStatus, OrderType } from './runner/Order.type.js';
export type { RiskGate, RiskOutcome, RiskVerdict } from './runner/RiskGate.type.js';
export type { Broker } from './runner/Broker.type.js';
export type { StateStore } from './runner/StateStore.type.js';
export type { StoredState } from './runner/StoredState.type.js';
export type { CycleReport } from './runner/CycleReport.type.js';
export {
  BOT_EVENTS,
  BOT_STATES,
  type BotErrorEvent,
  type BotEventMap,
  type BotState,
  type FeaturesEvent,
  type LifecycleEvent,
  type PredictionEvent,
  type RiskEvent,
} from './runner/BotEvents.js';
export { SafeEmitter } from './runner/SafeEmitter.js';
export { BotOptionsSchema, createBot, type Bot, type BotParts, type BotStats } from './runner/createBot.js';
export { ReplayFeed, type ReplayFeedOptions } from './runner/ReplayFeed.js';
// Backtests
export type { Trade } from './backtest/Trade.type.js';
export { tradesFromFills } from './backtest/tradesFromFills.js';
export { computeMetrics, type BacktestMetrics, type MetricsInput } from './backtest/computeMetrics.js';
export { runBacktest, type BacktestOptions, type BacktestResult } from './backtest/runBacktest.js';
// Decision engine, costs and strategies (issue 7, decision half)
export {
  CostModel,
  CostModelConfigSchema,
  type CostEstimate,
  type CostEstimateOptions,
  type CostModelConfig,
} from './costs/CostModel.js';
export { DecisionEngine, DecisionEngineConfigSchema, type DecisionEngineConfig } from './decision/DecisionEngine.js';
export {
  AdaptiveThresholds,
  AdaptiveThresholdsConfigSchema,
  type AdaptiveThresholdsConfig,
  type ThresholdWidening,
} from './decision/AdaptiveThresholds.js';
export { combinePredictions, type CombinedPrediction, type UsedPrediction } from './decision/combinePredictions.js';
export { formatPercent } from './decision/formatPercent.js';
export { defineStrategy } from './strategy/defineStrategy.js';
export type {
  Strategy,
  StrategyConfirmContext,
  StrategyDecideContext,
  StrategyDefinition,
  StrategyStopContext,
} from './strategy/Strategy.type.js';
