import type { SextantConfigInput } from '@sextant/core';

/**
 * The demo's config (core's `SextantConfigSchema` input): BTC-quoted
 * markets, 1 BTC per account, a 1-hour forward-return forecast by gradient
 * boosting trained on the first 70% of the span, 0.1% taker fee, and risk
 * limits (25% position cap, 85% exposure cap, 3% stop-loss, 6% take-profit).
 *
 * @example
 * ```ts
 * import { DEMO_CONFIG } from '@sextant/cli';
 * import { parseConfig } from '@sextant/core';
 * const config = parseConfig({ ...DEMO_CONFIG, symbols: ['ETH/BTC'] });
 * ```
 */
export const DEMO_CONFIG: SextantConfigInput = {
  mode: 'backtest',
  symbols: ['ETH/BTC'],
  timeframe: '5m',
  quoteCurrency: 'BTC',
  startingCapital: 1,
  model: { kind: 'gbdt', horizons: ['1h'], trainRatio: 0.7, seed: 42 },
  thresholds: { buyReturn: 0.0005, sellReturn: 0.001, minConfidence: 0.55 },
  risk: { maxPositionPct: 0.25, maxExposurePct: 0.85, stopLossPct: 0.03, takeProfitPct: 0.06, minCapital: 0 },
  costs: { takerFee: 0.001, makerFee: 0.001, spreadBps: 2, slippageBps: 1 },
};
