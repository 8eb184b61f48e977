import type { Breaker, TradingState } from './TradingStateMachine.js';
import type { MarketHistory } from './MarketHistory.js';
import type { ResolvedRiskConfig } from './RiskValidatorConfigSchema.js';

/** What the entry and exit rules read from the gate (internal to {@link RiskValidator}). */
export interface RuleContext {
  /** Resolved risk settings. */
  config: Readonly<ResolvedRiskConfig>;
  /** Trading state now. */
  state: TradingState;
  /** Tripped breakers now. */
  breakers: readonly Breaker[];
  /** Market regime in force. */
  regime: 'bullish' | 'neutral' | 'bearish';
  /** Candle history (volatility, correlation). */
  history: MarketHistory;
  /** Stop for a new position at a price. */
  initialStop(symbol: string, price: number): { price: number; how: string };
}
