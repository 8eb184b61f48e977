import { z } from 'zod';

/**
 * The three things a bot can decide for a market on a candle.
 *
 * @example
 * ```ts
 * import { DECISION_ACTIONS } from '@sextant/core';
 * DECISION_ACTIONS.includes('HOLD'); // true
 * ```
 */
export const DECISION_ACTIONS = ['BUY', 'SELL', 'HOLD'] as const;

/** `'BUY' | 'SELL' | 'HOLD'`. */
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * zod schema of a {@link Decision}: what crosses a process boundary (a log
 * line, the state store, a webhook) is parsed with it.
 *
 * @example
 * ```ts
 * import { DecisionSchema } from '@sextant/core';
 * const decision = DecisionSchema.parse(JSON.parse(line));
 * ```
 */
export const DecisionSchema = z.object({
  /** Market symbol as ccxt writes it, e.g. `ETH/BTC`. */
  symbol: z.string().min(1),
  /** Open time of the candle the decision was made on close of, ms UTC. */
  timestamp: z.number().finite(),
  /** What to do. */
  action: z.enum(DECISION_ACTIONS),
  /** How sure, from 0 (not at all) to 1. */
  confidence: z.number().min(0).max(1),
  /** Model outputs behind the decision, by model/horizon name. */
  predictions: z.record(z.string(), z.number()),
  /** Why, in plain words, one reason per entry. */
  reasons: z.array(z.string()),
});

/**
 * One typed, serialisable decision for one market on one candle. It flows
 * unchanged through risk, execution, logs and metrics. When in doubt, HOLD.
 */
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A HOLD decision with the given reasons and zero confidence: what to return
 * when there is nothing to act on.
 *
 * @param symbol - market symbol
 * @param timestamp - candle open time, ms UTC
 * @param reasons - why nothing is done
 * @param predictions - model outputs, if any
 * @returns a HOLD decision
 * @example
 * ```ts
 * import { holdDecision } from '@sextant/core';
 * holdDecision('ETH/BTC', Date.now(), ['warming up']);
 * ```
 */
export function holdDecision(
  symbol: string,
  timestamp: number,
  reasons: string[],
  predictions: Record<string, number> = {},
): Decision {
  return { symbol, timestamp, action: 'HOLD', confidence: 0, predictions, reasons };
}
