// Backtest a trained model through the bot runner with a paper broker, fees,
// the decision engine and the risk validator (position cap, exposure cap,
// stop-loss), on the period after the training data.
import { DecisionEngine, runBacktest } from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { FeaturePipeline, forwardReturn, precomputedFeatureSource } from '@sextant/features';
import { LinearRegressor, createPredictor } from '@sextant/models';
import { RiskValidator } from '@sextant/risk';
import { isMain, realCandles } from './data.js';

export async function main(): Promise<{
  trades: number;
  totalReturn: number;
  buyAndHold: number;
  maxDrawdown: number;
}> {
  const candles = await realCandles('XLM/BTC');
  const pipeline = new FeaturePipeline({
    features: [
      { kind: 'logReturn', period: 3 },
      { kind: 'rsi', period: 14 },
      { kind: 'bollinger', period: 20, stdDev: 2 },
    ],
  });
  const frame = pipeline.compute(candles);
  const offset = candles.length - frame.length;
  const label = forwardReturn(candles.close, 12).subarray(offset);
  const cut = Math.floor(frame.length * 0.7);
  const X = Array.from({ length: cut - 12 }, (_, i) => frame.columns.map((c) => c[i] as number));
  const model = new LinearRegressor().fit(X, label.subarray(0, cut - 12), { featureNames: frame.names });

  const result = await runBacktest({
    series: { 'XLM/BTC': candles },
    timeframe: '5m',
    startEquity: 1,
    from: frame.timestamp[cut] as number, // the test period only
    features: precomputedFeatureSource({ 'XLM/BTC': frame }),
    models: [createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 })],
    decisions: new DecisionEngine({ thresholds: { buyReturn: 0, sellReturn: 0.0005 }, horizons: { ret_1h: '1h' } }),
    risk: new RiskValidator({ maxPositionPct: 0.2, maxExposurePct: 0.8, stopLossPct: 0.02, minCapital: 0 }),
    broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001 }),
  });
  const m = result.metrics;
  console.log(`${result.candles} candles, ${m.trades} trades, return ${(m.totalReturn * 100).toFixed(2)}%`);
  console.log(`max drawdown ${(m.maxDrawdown * 100).toFixed(2)}%, buy & hold ${(m.buyAndHold * 100).toFixed(2)}%`);
  for (const t of result.trades.slice(0, 3))
    console.log(`  ${t.exitReason.padEnd(16)} ${(t.returnPct * 100).toFixed(2)}%`);
  return { trades: m.trades, totalReturn: m.totalReturn, buyAndHold: m.buyAndHold, maxDrawdown: m.maxDrawdown };
}

if (isMain(import.meta.url)) await main();
