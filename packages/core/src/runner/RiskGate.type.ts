import type { CandleEvent } from './CandleEvent.type.js';
import type { OrderIntent } from './Order.type.js';
import type { MarketSnapshot, PortfolioSnapshot } from './Portfolio.type.js';

/** `'approve' | 'resize' | 'reject'`. */
export type RiskOutcome = 'approve' | 'resize' | 'reject';

/** The risk gate's answer, always with reasons. */
export interface RiskVerdict {
  /** Approve as is, resize (smaller), or reject. */
  outcome: RiskOutcome;
  /** The intent to send (sized), or `null` when rejected. */
  intent: OrderIntent | null;
  /** Human reasons, one per rule that spoke. */
  reasons: string[];
  /** Names of the rules that resized or rejected. */
  rules: string[];
}

/** Every order passes this gate; it also proposes exits on each candle. */
export interface RiskGate {
  /** Size and check an intent against the portfolio and market. */
  validate(intent: OrderIntent, portfolio: PortfolioSnapshot, market: MarketSnapshot): RiskVerdict;
  /** Exit intents (stops, targets, time stops) for open positions on this candle. */
  exits?(portfolio: PortfolioSnapshot, event: CandleEvent): OrderIntent[];
}
