import { type CandleSeries, DecisionEngine, runBacktest, timeframeToMs } from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { LinearRegressor, createPredictor } from '@sextant/models';
import { RiskValidator } from '@sextant/risk';
import { describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../demo/loadDemoCandles.js';
import { buildTrainingSet } from '../pipeline/buildTrainingSet.js';
import { chronologicalSplit } from '../pipeline/chronologicalSplit.js';
import { computeFeatureFrames } from '../pipeline/computeFeatureFrames.js';
import { precomputedFeatureSource } from '@sextant/features';
import { createMetrics } from './createMetrics.js';
import { observeBot } from './observeBot.js';

/** Sum of a counter's samples in Prometheus text, optionally for one label value. */
function total(text: string, name: string, label?: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (label !== undefined && !line.includes(label)) continue;
    sum += Number(line.split(' ').at(-1));
  }
  return sum;
}

describe('observeBot', () => {
  it('counts exactly the decisions, orders and fills of a real backtest', async () => {
    const all = await loadDemoCandles();
    const series = { 'XLM/BTC': all['XLM/BTC'] as CandleSeries };
    const frames = computeFeatureFrames(series, '5m');
    const split = chronologicalSplit(series, 0.7, timeframeToMs('5m'));
    const train = buildTrainingSet(frames, series, { horizonBars: 12, labelsBefore: split.testFrom });
    const model = new LinearRegressor().fit(train.X, train.y, { featureNames: frames['XLM/BTC']?.names ?? [] });
    const metrics = createMetrics();
    const result = await runBacktest({
      series,
      timeframe: '5m',
      startEquity: 1,
      from: split.testFrom,
      features: precomputedFeatureSource(frames),
      models: [createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 })],
      decisions: new DecisionEngine({ thresholds: { buyReturn: 0, sellReturn: 0.0005 } }),
      risk: new RiskValidator({ minCapital: 0, maxPositionPct: 0.2 }),
      broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' }),
      onBot: (bot) => observeBot(bot, metrics, { startEquity: 1 }),
    });
    const text = await metrics.registry.metrics();
    expect(result.fills.length).toBeGreaterThan(0);
    expect(total(text, 'sextant_decisions_total')).toBe(result.decisions.length);
    expect(total(text, 'sextant_decisions_total', 'action="BUY"')).toBe(
      result.decisions.filter((d) => d.action === 'BUY').length,
    );
    expect(total(text, 'sextant_orders_total')).toBe(result.orders.length);
    expect(total(text, 'sextant_fills_total')).toBe(result.fills.length);
    expect(total(text, 'sextant_cycle_seconds_count')).toBe(result.candles);
    const lastEquity = result.equity.value.at(-1) as number;
    expect(total(text, 'sextant_pnl')).toBeCloseTo(lastEquity - 1, 12);
    expect(total(text, 'sextant_drawdown')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/sextant_trading_state\{state="disposed"\} 1/);
  });
});
