export {
  RiskValidator,
  type ExitsOptions,
  type KillSwitchPlan,
  type RegimeLabel,
  type RiskValidatorOptions,
} from './RiskValidator.js';
export {
  RiskValidatorConfigSchema,
  SizingConfigSchema,
  type ResolvedRiskConfig,
  type RiskValidatorConfig,
} from './RiskValidatorConfigSchema.js';
export { sizePosition, type SizePositionInput, type SizePositionResult } from './sizePosition.js';
export { applyMarketLimits, type MarketLimitsOptions, type MarketLimitsResult } from './applyMarketLimits.js';
export type { MarketLimits, MinMax } from './MarketLimits.type.js';
export { roundToStep } from './roundToStep.js';
export {
  TRADING_STATES,
  TradingStateMachine,
  type Breaker,
  type TradingState,
  type TradingStateChange,
} from './TradingStateMachine.js';
export {
  ExitManager,
  type CustomStop,
  type ExitManagerOptions,
  type TakeProfitLevel,
  type TrackedExit,
} from './ExitManager.js';
export type { ExitKind, ExitSignal } from './ExitSignal.type.js';
export { MarketHistory } from './MarketHistory.js';
export { pearson } from './pearson.js';
export { runPreflight } from './preflight/runPreflight.js';
export { assertPreflight } from './preflight/assertPreflight.js';
export { PreflightError } from './preflight/PreflightError.js';
export type { PreflightCheck, PreflightOptions, PreflightProbes, PreflightReport } from './preflight/Preflight.type.js';
export { ScannerConfigSchema, type ScannerConfig } from './scanner/ScannerConfigSchema.js';
export {
  scanMarkets,
  type MarketScore,
  type ScanInput,
  type ScanResult,
  type ScoreComponents,
  type SkippedMarket,
} from './scanner/scanMarkets.js';
export { marketRegime, type MarketRegime } from './scanner/marketRegime.js';
export { ScanFilter } from './scanner/ScanFilter.js';
export { BreakerMonitor, type BreakerState } from './BreakerMonitor.js';
export { RiskStateSchema, type RiskState } from './RiskStateSchema.js';
export { validateEntry } from './validateEntry.js';
export { validateExit } from './validateExit.js';
export type { RuleContext, StopLevel } from './RuleContext.type.js';
