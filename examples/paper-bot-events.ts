// A paper bot on replayed candles with SQLite state, listening to the runner's
// typed events: every decision, risk verdict, order and fill as it happens.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_EVENTS, DecisionEngine, ReplayFeed, createBot } from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { FeaturePipeline, createFeatureSource, forwardReturn } from '@sextant/features';
import { LinearRegressor, createPredictor } from '@sextant/models';
import { RiskValidator } from '@sextant/risk';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { isMain, realCandles } from './data.js';

export async function main(): Promise<{ events: Record<string, number>; decisionsStored: number }> {
  const candles = await realCandles('XLM/BTC');
  const pipeline = new FeaturePipeline({
    features: [
      { kind: 'logReturn', period: 3 },
      { kind: 'rsi', period: 14 },
      { kind: 'bollinger', period: 20, stdDev: 2 },
    ],
  });
  const frame = pipeline.compute(candles);
  const label = forwardReturn(candles.close, 12).subarray(candles.length - frame.length);
  // Train on the first 3000 rows (labels end before row 3000), trade the rest.
  const X = Array.from({ length: 2988 }, (_, i) => frame.columns.map((c) => c[i] as number));
  const model = new LinearRegressor().fit(X, label.subarray(0, 2988), { featureNames: frame.names });
  const state = new SqliteStateStore({ path: join(await mkdtemp(join(tmpdir(), 'sextant-paper-')), 'state.db') });

  const bot = createBot({
    feed: new ReplayFeed({ series: { 'XLM/BTC': candles }, timeframe: '5m', from: frame.timestamp[3000] as number }),
    features: createFeatureSource(pipeline),
    models: [createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 })],
    decisions: new DecisionEngine({ thresholds: { buyReturn: 0, sellReturn: 0.0005 } }),
    risk: new RiskValidator({ maxPositionPct: 0.2, minCapital: 0 }),
    broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' }),
    store: state,
  });
  const events: Record<string, number> = {};
  for (const name of Object.values(BOT_EVENTS)) bot.on(name, () => void (events[name] = (events[name] ?? 0) + 1));
  bot.on(BOT_EVENTS.fill, (f) => {
    if ((events.fill ?? 0) <= 4)
      console.log(`fill ${f.side} ${f.amount.toFixed(3)} ${f.symbol} @ ${f.price.toFixed(6)} (${f.reason})`);
  });
  bot.on(BOT_EVENTS.risk, ({ verdict }) => {
    if (verdict.outcome !== 'approve') console.log(`risk ${verdict.outcome}: ${verdict.reasons.join('; ')}`);
  });
  await bot.start();
  await bot.finished();
  await bot.dispose();
  const decisionsStored = state.listDecisions().length;
  state.close();
  console.log(events);
  return { events, decisionsStored };
}

if (isMain(import.meta.url)) await main();
