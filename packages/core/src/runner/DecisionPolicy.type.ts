import type { Decision } from '../decision/Decision.js';
import type { CandleEvent } from './CandleEvent.type.js';
import type { PositionSnapshot } from './Portfolio.type.js';
import type { Prediction } from './Predictor.type.js';

/** Everything a decision may depend on for one market on one candle. */
export interface DecisionContext {
  /** The closed candle. */
  event: CandleEvent;
  /** Feature names, in column order. */
  featureNames: readonly string[];
  /** This candle's features. */
  features: Float64Array;
  /** Every model's prediction, by name. */
  predictions: Readonly<Record<string, Prediction>>;
  /** The open position in this market, if any. */
  position: PositionSnapshot | undefined;
}

/** Turns predictions into one {@link Decision}. */
export interface DecisionPolicy {
  /** Decide BUY, SELL or HOLD with a confidence and reasons. */
  decide(context: DecisionContext): Decision;
}
