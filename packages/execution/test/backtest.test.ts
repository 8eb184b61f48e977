import { runBacktest } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { PaperBroker } from '../src/index.js';
import { loadUniverse } from './support/sharedData.js';
import { CrossoverFeatures, fractionGate, passThroughModel, thresholdPolicy } from './support/ruleStrategy.js';

describe('runBacktest with PaperBroker over the ten real */BTC 5m markets', () => {
  it('trades, keeps the ledger balanced and reports metrics consistent with the ledger', async () => {
    const series = loadUniverse();
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 5 });
    const result = await runBacktest({
      series,
      timeframe: '5m',
      startEquity: 1,
      features: new CrossoverFeatures(6, 24),
      models: [passThroughModel],
      decisions: thresholdPolicy(0.004),
      risk: fractionGate(0.09),
      broker,
    });
    expect(result.errors).toEqual([]);
    expect(result.candles).toBe(Object.values(series).reduce((n, s) => n + s.length, 0));
    expect(result.trades.length).toBeGreaterThan(10);
    expect(result.fills.length).toBe(broker.ledger.entries.length);
    expect(broker.ledger.isBalanced()).toBe(true);
    // Fees in the metrics equal the ledger's exact fee account (quote fees only here).
    expect(result.metrics.fees).toBeCloseTo(broker.ledger.fees.toNumber(), 12);
    // The last equity point equals the ledger's equity at the last closes.
    const marks = Object.fromEntries(Object.entries(series).map(([s, c]) => [s, c.close[c.length - 1] as number]));
    expect(result.equity.value[result.equity.value.length - 1]).toBeCloseTo(broker.ledger.equity(marks).toNumber(), 12);
    expect(result.metrics.totalReturn).toBeCloseTo(broker.ledger.equity(marks).toNumber() - 1, 12);
    // Every market fill happens at the open of the candle after its decision.
    for (const f of result.fills) {
      const s = series[f.symbol];
      const i = s ? s.timestamp.indexOf(f.timestamp) : -1;
      expect(i).toBeGreaterThan(0);
      const open = s?.open[i] as number;
      expect(f.price / open).toBeCloseTo(f.side === 'buy' ? 1.0005 : 0.9995, 12);
    }
  });
});
