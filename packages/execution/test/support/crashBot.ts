/**
 * The bot the SIGKILL crash test runs in a child process: a paper bot on
 * replayed real candles with SQLite state, resuming from whatever the
 * database holds. `node --conditions=@sextant/source --import tsx crashBot.ts <db>`
 * prints `ready <cycles done>` once wired, `c <n>` after each cycle and
 * `done` when the replay is complete.
 */
import { BOT_EVENTS, createBot, ReplayFeed, type StateStore, sliceSeries } from '@sextant/core';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { loadStoredState, PaperBroker } from '../../src/index.js';
import { CrossoverFeatures, fractionGate, passThroughModel, thresholdPolicy } from './ruleStrategy.js';
import { loadMarket } from './sharedData.js';

/** The core `StateStore` methods of a SQLite store, bound. */
function bindStore(store: SqliteStateStore): StateStore {
  return {
    recordDecision: (d) => store.recordDecision(d),
    recordCycle: (c) => store.recordCycle(c),
    recordOrder: (o) => store.recordOrder(o),
    recordFill: (f) => store.recordFill(f),
  };
}

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
    // The broker journals its orders and fills (each fill before the status it causes) ...
    journal: store,
  });
  const bot = createBot({
    feed: new ReplayFeed({ series, timeframe: '5m' }),
    features: new CrossoverFeatures(3, 8),
    models: [passThroughModel],
    decisions: thresholdPolicy(0.001),
    risk: fractionGate(0.3),
    broker,
    // ... so the runner records decisions, cycles and placed orders, but not the fills again.
    store: { ...bindStore(store), recordFill: () => {} },
    warmUp: state.cycles,
  });
  // Progress after every recorded cycle: the parent kills at a random one (pipes are synchronous on Linux).
  let done = state.cycles;
  bot.on(BOT_EVENTS.cycle, () => {
    process.stdout.write(`c ${++done}\n`);
    // About 1 ms of work per cycle, as a live bot spends on I/O, so a kill lands before the replay ends.
    const until = performance.now() + 1;
    while (performance.now() < until) {}
  });
  process.stdout.write(`ready ${state.cycles}\n`);
  await bot.start();
  await bot.finished();
  store.close();
  process.stdout.write('done\n');
}
