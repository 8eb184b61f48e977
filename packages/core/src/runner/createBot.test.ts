import { describe, expect, it } from 'vitest';
import {
  fractionGate,
  MomentumFeatures,
  momentumModel,
  NextOpenBroker,
  thresholdPolicy,
} from '../../test/portsForTests.js';
import { loadShared } from '../../test/sharedData.js';
import { sliceSeries } from '../candles/sliceSeries.js';
import type { Decision } from '../decision/Decision.js';
import { BOT_EVENTS } from './BotEvents.js';
import type { CandleEvent } from './CandleEvent.type.js';
import type { CycleReport } from './CycleReport.type.js';
import { createBot, observeBot } from './createBot.js';
import { ReplayFeed } from './ReplayFeed.js';

const eth = sliceSeries(loadShared('ETH_BTC-5m.json'), 0, 300);
const ltc = sliceSeries(loadShared('LTC_BTC-5m.json'), 0, 300);
const series = { 'ETH/BTC': eth, 'LTC/BTC': ltc };

function run(warmUp = 0, skip = 0) {
  const broker = new NextOpenBroker(1);
  const warmed: CandleEvent[] = [];
  (broker as NextOpenBroker & { warmUp(e: CandleEvent): void }).warmUp = (e) => warmed.push(e);
  const bot = createBot({
    feed: new ReplayFeed({ series, timeframe: '5m', skip }),
    features: new MomentumFeatures(),
    models: [momentumModel],
    decisions: thresholdPolicy(0.002),
    risk: fractionGate(0.15),
    broker,
    warmUp,
  });
  const decisions: Decision[] = [];
  const cycles: CycleReport[] = [];
  bot.on(BOT_EVENTS.decision, (d) => decisions.push(d));
  bot.on(BOT_EVENTS.cycle, (c) => cycles.push(c));
  return { bot, decisions, cycles, warmed };
}

describe('createBot warm-up (resume after a restart)', () => {
  it('pulls the first N candles for features and broker marks only, then decides exactly as an uninterrupted run', async () => {
    const full = run();
    await full.bot.start();
    await full.bot.finished();
    const resumed = run(250);
    await resumed.bot.start();
    expect(await resumed.bot.finished()).toBe('stopped');
    expect(resumed.warmed).toHaveLength(250);
    expect(resumed.cycles).toHaveLength(600 - 250);
    expect(resumed.bot.stats.cycles).toBe(350);
    // Same features state: every decision after the warm-up equals the uninterrupted run's.
    expect(full.decisions).toHaveLength(600);
    expect(resumed.decisions).toEqual(full.decisions.slice(250));
  });

  it('without warm-up, a skipped feed starts cold (features warm up again)', async () => {
    const cold = run(0, 250);
    await cold.bot.start();
    await cold.bot.finished();
    expect(cold.decisions.slice(0, 4).every((d) => d.reasons.includes('features warming up'))).toBe(true);
  });

  it('reports per-stage timings on every cycle', async () => {
    const r = run();
    await r.bot.start();
    await r.bot.finished();
    const decided = r.cycles.filter((c) => 'decide' in c.timings);
    expect(decided.length).toBeGreaterThan(500);
    for (const c of r.cycles) {
      expect(c.ok).toBe(true);
      for (const stage of ['broker', 'features']) expect(c.timings[stage]).toBeGreaterThanOrEqual(0);
    }
  });

  it('once faulted, sends no order even when stepped by hand', async () => {
    const broker = new NextOpenBroker(1);
    let failing = true;
    const bot = createBot({
      feed: new ReplayFeed({ series, timeframe: '5m' }),
      features: { names: ['x'], hash: 'x', update: () => (failing ? fail() : Float64Array.of(1)) },
      models: [{ name: 'ret', predict: () => ({ value: 1, confidence: 1, trusted: true }) }],
      decisions: thresholdPolicy(0.5),
      risk: fractionGate(0.15),
      broker,
      options: { maxConsecutiveFailures: 3 },
    });
    const errors: string[] = [];
    bot.on(BOT_EVENTS.error, (e) => errors.push(e.stage));
    await bot.start();
    expect(await bot.finished()).toBe('faulted');
    expect(bot.stats.cycles).toBe(3);
    failing = false;
    const e = {
      symbol: 'ETH/BTC',
      timeframe: '5m' as const,
      candle: { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 },
    };
    const report = await bot.step(e);
    expect(report.ok).toBe(false);
    expect(report.failedStage).toBe('act');
    expect(bot.stats.orders).toBe(0);
    expect(errors.at(-1)).toBe('act');
  });
});

function fail(): never {
  throw new Error('feature source down');
}

describe('createBot observer (internal, used by runBacktest)', () => {
  it('sees every report and decision in emit order, and what it throws becomes an error event', async () => {
    const { bot, decisions, cycles } = run();
    const seenCycles: CycleReport[] = [];
    const seenDecisions: Decision[] = [];
    const errors: string[] = [];
    bot.on(BOT_EVENTS.error, (e) => errors.push(e.stage));
    observeBot(bot, {
      cycle: (c) => {
        seenCycles.push(c);
        if (seenCycles.length === 10) throw new Error('observer failed');
      },
      decision: (d) => seenDecisions.push(d),
    });
    await bot.start();
    expect(await bot.finished()).toBe('stopped');
    expect(seenCycles).toEqual(cycles);
    expect(seenDecisions).toEqual(decisions);
    expect(cycles).toHaveLength(600);
    expect(errors).toEqual(['handler:cycle']);
    expect(() => observeBot({} as never, { cycle: () => undefined, decision: () => undefined })).toThrow(/createBot/);
  });
});
