import {
  type BotParts,
  DecisionEngine,
  type Fill,
  type Order,
  type Predictor,
  type SextantConfig,
} from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import type { FeatureFrame } from '@sextant/features';
import { precomputedFeatureSource } from '@sextant/features';
import { RiskValidator } from '@sextant/risk';

/** Options of {@link createBotParts}. */
export interface CreateBotPartsOptions {
  /** Precomputed feature frames by market. */
  frames: Readonly<Record<string, FeatureFrame>>;
  /** The model(s), adapted with `createPredictor`. */
  predictors: readonly Predictor[];
  /** Horizon of each predictor by name (`"1h"`), for the decision engine's error tracking. */
  horizons: Readonly<Record<string, string>>;
  /** Orders and fills of an earlier run to rebuild the paper account from (a restart). */
  restore?: { orders: readonly Order[]; fills: readonly Fill[] };
}

/**
 * The parts of a backtest or paper bot from one resolved config: features
 * from precomputed frames, the decision engine with the config's thresholds
 * and costs, the risk validator with its risk limits, and a paper broker with
 * the starting capital, fees and slippage. A fresh set per run (each part
 * keeps per-run state).
 *
 * @param config - the resolved Sextant config
 * @param options - frames, predictors, horizons, state to restore
 * @returns everything `runBacktest` needs besides the candles
 */
export function createBotParts(
  config: Readonly<SextantConfig>,
  options: CreateBotPartsOptions,
): Omit<BotParts, 'feed'> & { broker: PaperBroker; risk: RiskValidator } {
  return {
    features: precomputedFeatureSource(options.frames),
    models: options.predictors,
    decisions: new DecisionEngine({
      thresholds: config.thresholds,
      costs: config.costs,
      horizons: { ...options.horizons },
    }),
    risk: new RiskValidator({ ...config.risk }),
    broker: new PaperBroker({
      startingCash: config.startingCapital,
      quoteCurrency: config.quoteCurrency,
      takerFee: config.costs.takerFee,
      makerFee: config.costs.makerFee,
      slippageBps: config.costs.spreadBps + config.costs.slippageBps,
      ...(options.restore ? { restore: options.restore } : {}),
    }),
  };
}
