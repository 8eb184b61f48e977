import {
  BOT_EVENTS,
  type CandleFeed,
  type CandleSeries,
  createBot,
  type Fill,
  ReplayFeed,
  runBacktest,
  sliceSeries,
  tradesFromFills,
} from '@sextant/core';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { describe, expect, it } from 'vitest';
import { PaperBroker } from '../src/index.js';
import { CrossoverFeatures, fractionGate, passThroughModel, thresholdPolicy } from './support/ruleStrategy.js';
import { loadUniverse } from './support/sharedData.js';

const series: Record<string, CandleSeries> = Object.fromEntries(
  Object.entries(loadUniverse()).map(([s, c]) => [s, sliceSeries(c, 0, 1500)]),
);
const parts = () => ({
  features: new CrossoverFeatures(6, 24),
  models: [passThroughModel],
  decisions: thresholdPolicy(0.004),
  risk: fractionGate(0.09),
  broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 5 }),
});

/** Candles arriving one at a time through `next()` only, each after a macrotask, as a live feed delivers them. */
function paced(inner: ReplayFeed): CandleFeed {
  return {
    next: () => new Promise((resolve) => setImmediate(() => resolve(inner.nextSync()))),
    close: () => inner.close(),
  };
}

describe('paper trading and backtests run the same code', () => {
  it('paper mode (async feed, SQLite state) on the ten real */BTC markets gives exactly the backtest trades', async () => {
    const backtest = await runBacktest({ series, timeframe: '5m', startEquity: 1, ...parts() });
    expect(backtest.trades.length).toBeGreaterThan(5);

    const store = new SqliteStateStore({ path: ':memory:' });
    const p = parts();
    const bot = createBot({ ...p, feed: paced(new ReplayFeed({ series, timeframe: '5m' })), store });
    const fills: Fill[] = [];
    bot.on(BOT_EVENTS.fill, (f) => fills.push(f));
    await bot.start();
    expect(await bot.finished()).toBe('stopped');

    expect(fills).toEqual(backtest.fills);
    expect(tradesFromFills(fills)).toEqual(backtest.trades);
    expect(store.listFills()).toEqual(backtest.fills);
    expect(store.listCycles()).toHaveLength(backtest.candles);
    expect(p.broker.portfolio().equity).toBe(backtest.equity.value[backtest.equity.value.length - 1]);
    store.close();
  });
});
