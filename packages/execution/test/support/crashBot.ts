/**
 * The bot the SIGKILL crash test runs in a child process: a paper bot on
 * replayed real candles with SQLite state, resuming from whatever the
 * database holds. `node --conditions=@sextant/source --import tsx crashBot.ts <db>`
 * prints `ready` once wired and `done` when the replay is complete.
 */
import { createBot, ReplayFeed, sliceSeries } from '@sextant/core';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { loadStoredState, PaperBroker } from '../../src/index.js';
import { CrossoverFeatures, fractionGate, passThroughModel, thresholdPolicy } from './ruleStrategy.js';
import { loadMarket } from './sharedData.js';

/** Candles per market replayed by the crash bot. */
export const CRASH_CANDLES = 300;

const [dbPath] = process.argv.slice(2);
if (dbPath !== undefined) {
  const store = new SqliteStateStore({ path: dbPath });
  const state = await loadStoredState(store);
  const series = {
    'ETH/BTC': sliceSeries(loadMarket('ETH/BTC'), 0, CRASH_CANDLES),
    'LTC/BTC': sliceSeries(loadMarket('LTC/BTC'), 0, CRASH_CANDLES),
  };
  const broker = new PaperBroker({
    startingCash: 1,
    quoteCurrency: 'BTC',
    takerFee: 0.001,
    slippageBps: 5,
    restore: state,
    // Order status changes go to the store as they happen; fills are recorded by the runner.
    journal: { recordOrder: (o) => store.recordOrder(o) },
  });
  const bot = createBot({
    feed: new ReplayFeed({ series, timeframe: '5m' }),
    features: new CrossoverFeatures(3, 8),
    models: [passThroughModel],
    decisions: thresholdPolicy(0.001),
    risk: fractionGate(0.3),
    broker,
    store,
    warmUp: state.cycles,
  });
  process.stdout.write(`ready ${state.cycles}\n`);
  await bot.start();
  await bot.finished();
  store.close();
  process.stdout.write('done\n');
}
