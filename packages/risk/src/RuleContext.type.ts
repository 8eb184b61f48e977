import type { Breaker, TradingState } from './TradingStateMachine.js';
import type { MarketHistory } from './MarketHistory.js';
import type { ResolvedRiskConfig } from './RiskValidatorConfigSchema.js';

/** A stop price and how it was set. */
export interface StopLevel {
  /** Stop price. */
  price: number;
  /** How it was set, e.g. `3.50% below entry` or `2 x ATR 1.500`. */
  how: string;
}

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
  /** Confidence of the regime signal, 0..1 (1 for a bare label). */
  regimeConfidence: number;
  /** Candle history (volatility, correlation). */
  history: MarketHistory;
  /** Stop for a new position at a price. */
  initialStop(symbol: string, price: number): StopLevel;
}
