import { z } from 'zod';
import { ThresholdsConfigSchema } from '../config/SextantConfigSchema.js';
import { parseWith } from '../config/parseConfig.js';
import { CostModel, CostModelConfigSchema } from '../costs/CostModel.js';
import type { DecisionContext, DecisionPolicy } from '../runner/DecisionPolicy.type.js';
import { timeframeToMs } from '../time/timeframeToMs.js';
import { AdaptiveThresholds, AdaptiveThresholdsConfigSchema } from './AdaptiveThresholds.js';
import { type Decision, holdDecision } from './Decision.js';
import { combinePredictions } from './combinePredictions.js';
import { formatPercent } from './formatPercent.js';

const duration = z.string().regex(/^\d+[mhdw]$/, 'expected a duration like "1h"');

/** Settings of a {@link DecisionEngine}. */
export const DecisionEngineConfigSchema = z.object({
  /** Return and confidence bars (core's {@link ThresholdsConfigSchema}). @default all its defaults */
  thresholds: ThresholdsConfigSchema.prefault({}),
  /** Fees, spread and slippage (core's `CostsConfigSchema` plus slippage growth). @default all its defaults */
  costs: CostModelConfigSchema.prefault({}),
  /** Predictions to use, by model name. @default every prediction in the context */
  models: z.array(z.string().min(1)).min(1).optional(),
  /** Weight of each model's vote, by name (missing = 1). @default {} */
  weights: z.record(z.string(), z.number().min(0)).default({}),
  /** Horizon of each model, by name (`"1h"`), for measuring its error. @default one candle */
  horizons: z.record(z.string(), duration).default({}),
  /** Adaptive widening of the return thresholds. @default disabled */
  adaptive: AdaptiveThresholdsConfigSchema.prefault({}),
  /**
   * Typical order value in quote currency, for the size part of slippage
   * (against the candle's quote volume, close x volume). 0 leaves size out. @default 0
   */
  orderNotional: z.number().min(0).default(0),
  /** BUY again while already holding the market (the risk gate still caps it). @default false */
  allowAdd: z.boolean().default(false),
});

/** {@link DecisionEngine} settings as users write them (every field optional). */
export type DecisionEngineConfig = z.input<typeof DecisionEngineConfigSchema>;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Turns multi-horizon predictions of forward returns, each with a confidence,
 * into one {@link Decision} with reasons. Implements core's `DecisionPolicy`.
 *
 * The expected move is the confidence- and weight-weighted mean of the trusted
 * predictions; the confidence is the weighted mean confidence times the share
 * of weight agreeing with the expected move's sign. HOLD is the default: BUY
 * only when confidence >= `minConfidence` and the expected move minus the
 * round-trip cost (taker fee, spread and slippage at the market's current
 * volatility, from {@link CostModel}) is at or above `buyReturn`; SELL only
 * when the expected move is at or below `-sellReturn` (exit costs are owed
 * either way). With `adaptive.enabled`, both return bars are multiplied by a
 * factor >= 1 that grows when recent prediction error or volatility rises
 * above their baseline.
 *
 * @example
 * ```ts
 * import { DecisionEngine } from '@sextant/core';
 * const engine = new DecisionEngine({ thresholds: { buyReturn: 0.003 }, costs: { takerFee: 0.001 } });
 * const decision = engine.decide(context); // context from the bot runner
 * decision.action; // 'BUY' | 'SELL' | 'HOLD'
 * ```
 */
export class DecisionEngine implements DecisionPolicy {
  /** The resolved, frozen settings. */
  readonly config: Readonly<z.output<typeof DecisionEngineConfigSchema>>;
  /** The cost model used for the after-cost bar (share it with backtests). */
  readonly costs: CostModel;
  readonly #adaptive: AdaptiveThresholds;

  /**
   * @param config - thresholds, costs, model selection and adaptive policy; all optional
   * @throws ConfigError when a field is out of range (e.g. `minConfidence: 1.5`)
   */
  constructor(config: DecisionEngineConfig = {}) {
    this.config = parseWith(DecisionEngineConfigSchema, config, 'decision engine');
    this.costs = new CostModel(this.config.costs);
    this.#adaptive = new AdaptiveThresholds(this.config.adaptive);
  }

  /**
   * Decide for one market on one closed candle. Stateful per market (rolling
   * volatility and prediction error), so call it once per candle, in order.
   *
   * @param context - the candle, features, predictions and open position
   * @returns one decision with the model outputs behind it and reasons
   */
  decide(context: DecisionContext): Decision {
    const { event, position } = context;
    const { symbol } = event;
    const ts = event.candle.timestamp;
    const combined = combinePredictions(context.predictions, this.config.models, this.config.weights);
    const used = combined.used;
    if (this.config.adaptive.enabled) {
      const candleMs = timeframeToMs(event.timeframe);
      this.#adaptive.observe(
        event,
        used.map((u) => ({ value: u.value, horizonMs: this.#horizonMs(u.name, candleMs) })),
      );
    } else {
      this.#adaptive.observe(event, NO_PREDICTIONS);
    }
    const reasons = combined.reasons;
    if (used.length === 0) {
      reasons.push('no trusted prediction');
      return holdDecision(symbol, ts, reasons, combined.values);
    }

    const t = this.config.thresholds;
    const { close, volume } = event.candle;
    const cost = this.costs.roundTrip({
      volatility: this.#adaptive.volatility(symbol),
      notional: this.config.orderNotional,
      quoteVolume: close * volume,
    });
    const { multiplier, errorRatio, volatilityRatio } = this.#adaptive.multiplier(symbol);
    const { expected, confidence } = combined;
    const buyBar = t.buyReturn * multiplier;
    const sellBar = t.sellReturn * multiplier;
    reasons.push(
      `expected move ${pct(expected, 3)} at confidence ${pct(confidence, 0)} from ${used.length} prediction(s)`,
    );
    if (multiplier > 1) {
      reasons.push(
        `thresholds widened x${multiplier.toFixed(2)} (error ${errorRatio.toFixed(2)}x, volatility ${volatilityRatio.toFixed(2)}x baseline)`,
      );
    }
    let action: Decision['action'] = 'HOLD';
    let why: string;
    if (confidence < t.minConfidence) {
      why = `confidence ${pct(confidence, 0)} below ${pct(t.minConfidence, 0)}`;
    } else if (expected > 0) {
      const net = expected - cost;
      if (net < buyBar) {
        why = `after ${pct(cost, 3)} round-trip costs ${pct(net, 3)} is below buy bar ${pct(buyBar, 3)}`;
      } else if (position !== undefined && position.amount > 0 && !this.config.allowAdd) {
        why = `already holding ${position.amount} ${symbol}`;
      } else {
        action = 'BUY';
        why = `after ${pct(cost, 3)} round-trip costs ${pct(net, 3)} clears buy bar ${pct(buyBar, 3)}`;
      }
    } else if (expected < 0 && -expected >= sellBar) {
      action = 'SELL';
      why = `${pct(expected, 3)} is at or below sell bar -${pct(sellBar, 3)}`;
    } else {
      why = `${pct(expected, 3)} does not clear -${pct(sellBar, 3)}`;
    }
    reasons.push(why);
    return {
      symbol,
      timestamp: ts,
      action,
      confidence: action === 'HOLD' ? 0 : confidence,
      predictions: combined.values,
      reasons,
    };
  }

  #horizonMs(name: string, candleMs: number): number {
    const h = this.config.horizons[name];
    if (h === undefined) return candleMs;
    return Number.parseInt(h, 10) * (UNIT_MS[h.slice(-1)] ?? candleMs);
  }
}

const NO_PREDICTIONS: readonly { value: number; horizonMs: number }[] = [];

const pct = formatPercent;
