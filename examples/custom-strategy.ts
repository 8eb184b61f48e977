// A custom strategy plug-in: core's DecisionPolicy has one required method,
// decide(context). This one buys oversold RSI and sells overbought RSI,
// ignoring models, and runs through the same backtest runner and risk gate.
import { type Decision, type DecisionContext, type DecisionPolicy, holdDecision, runBacktest } from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { FeaturePipeline, precomputedFeatureSource } from '@sextant/features';
import { RiskValidator } from '@sextant/risk';
import { isMain, realCandles } from './data.js';

class RsiReversion implements DecisionPolicy {
  constructor(
    private readonly low = 0.25,
    private readonly high = 0.7,
  ) {}

  decide({ event, featureNames, features, position }: DecisionContext): Decision {
    const rsi = features[featureNames.indexOf('rsi_14')] as number; // the pipeline scales RSI to 0..1
    const base = { symbol: event.symbol, timestamp: event.candle.timestamp, predictions: { rsi } };
    if (!position && rsi < this.low)
      return { ...base, action: 'BUY', confidence: 0.8, reasons: [`RSI ${rsi.toFixed(2)} < ${this.low}`] };
    if (position && rsi > this.high)
      return { ...base, action: 'SELL', confidence: 0.8, reasons: [`RSI ${rsi.toFixed(2)} > ${this.high}`] };
    return holdDecision(event.symbol, event.candle.timestamp, ['no RSI extreme'], { rsi });
  }
}

export async function main(): Promise<{ trades: number; totalReturn: number }> {
  const candles = await realCandles('ETC/BTC');
  const frame = new FeaturePipeline({ features: [{ kind: 'rsi', period: 14 }] }).compute(candles);
  const result = await runBacktest({
    series: { 'ETC/BTC': candles },
    timeframe: '5m',
    startEquity: 1,
    features: precomputedFeatureSource({ 'ETC/BTC': frame }),
    models: [],
    decisions: new RsiReversion(),
    risk: new RiskValidator({ maxPositionPct: 0.3, stopLossPct: 0.03, minCapital: 0 }),
    broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001 }),
  });
  console.log(
    `RSI reversion: ${result.metrics.trades} trades, return ${(result.metrics.totalReturn * 100).toFixed(2)}%`,
  );
  return { trades: result.metrics.trades, totalReturn: result.metrics.totalReturn };
}

if (isMain(import.meta.url)) await main();
