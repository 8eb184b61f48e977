import type { Candle } from '../candles/CandleSeries.type.js';
import type { Decision } from '../decision/Decision.js';
import type { DecisionContext, DecisionPolicy } from '../runner/DecisionPolicy.type.js';
import type { PositionSnapshot } from '../runner/Portfolio.type.js';

/** Context of a strategy's `decide` hook: the runner's decision context plus the model-driven proposal. */
export interface StrategyDecideContext extends DecisionContext {
  /** What the base policy (e.g. the `DecisionEngine`) decided; HOLD when there is none. */
  proposed: Decision;
}

/** Context of a strategy's `confirmEntry` hook. */
export interface StrategyConfirmContext extends DecisionContext {
  /** The BUY about to be sent to the risk gate. */
  decision: Decision;
}

/** Context of a strategy's `customStop` hook, called by the risk gate after each candle of an open position. */
export interface StrategyStopContext {
  /** The position. */
  position: PositionSnapshot;
  /** The candle just evaluated. */
  candle: Candle;
  /** The stop price in force. */
  stop: number;
  /** Whether the trailing stop is active (after TP1). */
  trailing: boolean;
}

/** What a user writes: a name, a version and optional hooks, each taking one context object. */
export interface StrategyDefinition {
  /** Strategy name, used in reasons and logs. */
  name: string;
  /** Version, e.g. `1.0.0`; part of every decision's reasons so results can be traced to code. */
  version: string;
  /** Replace or adjust the proposed decision; return `undefined` to keep it. */
  decide?: (context: StrategyDecideContext) => Decision | undefined;
  /** Called on every candle before deciding (update indicators, state). */
  onCandle?: (context: DecisionContext) => void;
  /** New stop price for an open position (the risk gate only ever tightens); `undefined` keeps it. */
  customStop?: (context: StrategyStopContext) => number | undefined;
  /** Last word on a BUY: `false` turns it into HOLD. */
  confirmEntry?: (context: StrategyConfirmContext) => boolean;
}

/** A validated, frozen strategy: its definition plus a way to run it as a decision policy. */
export interface Strategy extends Readonly<StrategyDefinition> {
  /**
   * A `DecisionPolicy` running the hooks around a base policy (e.g. the
   * `DecisionEngine`): onCandle, base decision, decide, confirmEntry.
   */
  toPolicy(base?: DecisionPolicy): DecisionPolicy;
}
