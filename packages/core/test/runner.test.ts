import { describe, expect, it } from 'vitest';
import {
  BOT_EVENTS,
  type BotErrorEvent,
  type CandleEvent,
  createBot,
  type FeatureSource,
  type LifecycleEvent,
  ReplayFeed,
  runBacktest,
  sliceSeries,
} from '../src/index.js';
import { fractionGate, MomentumFeatures, momentumModel, NextOpenBroker, thresholdPolicy } from './portsForTests.js';
import { loadShared } from './sharedData.js';

const eth = sliceSeries(loadShared('ETH_BTC-5m.json'), 0, 400);
const ltc = sliceSeries(loadShared('LTC_BTC-5m.json'), 0, 400);

function parts(overrides: Partial<Parameters<typeof createBot>[0]> = {}) {
  return {
    feed: new ReplayFeed({ series: { 'ETH/BTC': eth, 'LTC/BTC': ltc }, timeframe: '5m' }),
    features: new MomentumFeatures(),
    models: [momentumModel],
    decisions: thresholdPolicy(0.002),
    risk: fractionGate(0.15),
    broker: new NextOpenBroker(1),
    ...overrides,
  };
}

describe('createBot', () => {
  it('runs every candle through every stage, in order, and ends stopped', async () => {
    const bot = createBot(parts());
    const seen: string[] = [];
    const lifecycle: LifecycleEvent[] = [];
    for (const name of Object.values(BOT_EVENTS)) {
      if (name === 'lifecycle') bot.on(name, (e) => lifecycle.push(e));
      else bot.on(name, () => seen.push(name));
    }
    await bot.start();
    expect(bot.state).toBe('running');
    expect(await bot.finished()).toBe('stopped');
    expect(bot.stats.cycles).toBe(800);
    expect(seen.filter((s) => s === 'candle')).toHaveLength(800);
    expect(seen.filter((s) => s === 'cycle')).toHaveLength(800);
    expect(bot.stats.orders).toBeGreaterThan(0);
    expect(bot.stats.fills).toBeGreaterThan(0);
    expect(seen).not.toContain('error');
    // One cycle after warm-up: candle -> features -> prediction -> decision -> cycle.
    const first = seen.indexOf('features');
    expect(seen.slice(first - 1, first + 3)).toEqual(['candle', 'features', 'prediction', 'decision']);
    expect(lifecycle.map((l) => l.to)).toEqual(['running', 'stopped']);
  });

  it('turns a throwing listener into an error event and keeps going', async () => {
    const bot = createBot(parts());
    const errors: BotErrorEvent[] = [];
    let later = 0;
    bot.on(BOT_EVENTS.error, (e) => errors.push(e));
    bot.on(BOT_EVENTS.decision, (d) => {
      if (d.action !== 'HOLD') throw new Error(`listener bug on ${d.symbol}`);
    });
    bot.on(BOT_EVENTS.decision, () => later++);
    // biome-ignore lint/nursery/noMisusedPromises: an async listener that rejects is exactly what this test feeds the runner
    bot.on(BOT_EVENTS.fill, async () => {
      throw new Error('async listener bug');
    });
    await bot.start();
    await bot.finished();
    expect(bot.state).toBe('stopped');
    expect(bot.stats.cycles).toBe(800);
    expect(later).toBe(800);
    const sync = errors.filter((e) => e.stage === 'handler:decision');
    expect(sync.length).toBe(bot.stats.decisions.BUY + bot.stats.decisions.SELL);
    expect(sync[0]?.error.message).toMatch(/^Listener of "decision" threw: listener bug on/);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.filter((e) => e.stage === 'handler:fill').length).toBe(bot.stats.fills);
  });

  it('reports a failing stage as an error event with the candle, and continues', async () => {
    const inner = new MomentumFeatures();
    const flaky: FeatureSource = {
      names: inner.names,
      hash: inner.hash,
      update: (e: CandleEvent) => {
        if (e.symbol === 'LTC/BTC' && e.candle.timestamp === ltc.timestamp[100]) throw new Error('indicator blew up');
        return inner.update(e);
      },
    };
    const bot = createBot(parts({ features: flaky }));
    const errors: BotErrorEvent[] = [];
    const failed: string[] = [];
    bot.on(BOT_EVENTS.error, (e) => errors.push(e));
    bot.on(BOT_EVENTS.cycle, (c) => {
      if (!c.ok) failed.push(`${c.symbol}@${c.failedStage}`);
    });
    await bot.start();
    await bot.finished();
    expect(bot.state).toBe('stopped');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.stage).toBe('features');
    expect(errors[0]?.event?.candle.timestamp).toBe(ltc.timestamp[100]);
    expect(errors[0]?.error.code).toBe('INTERNAL');
    expect(errors[0]?.error.message).toBe('Stage "features" failed: indicator blew up');
    expect(failed).toEqual(['LTC/BTC@features']);
    expect(bot.stats.cycles).toBe(800);
  });

  it('faults after too many consecutive failed cycles and stops trading', async () => {
    const broken: FeatureSource = {
      names: ['x'],
      hash: 'x',
      update: () => {
        throw new Error('always');
      },
    };
    const bot = createBot({ ...parts({ features: broken }), options: { maxConsecutiveFailures: 3 } });
    const lifecycle: LifecycleEvent[] = [];
    bot.on(BOT_EVENTS.lifecycle, (e) => lifecycle.push(e));
    await bot.start();
    expect(await bot.finished()).toBe('faulted');
    expect(bot.stats.cycles).toBe(3);
    expect(lifecycle.at(-1)).toEqual({ from: 'running', to: 'faulted', reason: '3 consecutive failed cycles' });
    await expect(bot.start()).rejects.toMatchObject({ code: 'RUNNER' });
  });

  it('stops gracefully after the current cycle and cannot restart once disposed', async () => {
    const bot = createBot(parts());
    bot.on(BOT_EVENTS.cycle, (c) => {
      if (bot.stats.cycles === 50) void bot.stop(`stop at ${c.timestamp}`);
    });
    await bot.start();
    expect(await bot.finished()).toBe('stopped');
    expect(bot.stats.cycles).toBe(50);
    await bot.dispose();
    expect(bot.state).toBe('disposed');
    await expect(bot.start()).rejects.toThrowError('Cannot start a bot in state "disposed"');
  });

  it('awaits asynchronous predictors and decides exactly as with synchronous ones', async () => {
    const decisionsOf = async (models: Parameters<typeof createBot>[0]['models']) => {
      const bot = createBot(parts({ models }));
      const seen: string[] = [];
      bot.on(BOT_EVENTS.decision, (d) => seen.push(`${d.symbol}@${d.timestamp}:${d.action}`));
      await bot.start();
      await bot.finished();
      return { seen, fills: bot.stats.fills };
    };
    const asyncModel = { name: 'ret', predict: async (f: Float64Array, e: CandleEvent) => momentumModel.predict(f, e) };
    const sync = await decisionsOf([momentumModel]);
    const viaPromise = await decisionsOf([asyncModel]);
    expect(viaPromise.seen).toEqual(sync.seen);
    expect(viaPromise.fills).toBe(sync.fills);
    const failing = createBot(
      parts({ models: [{ name: 'ret', predict: async () => Promise.reject(new Error('session closed')) }] }),
    );
    const errors: BotErrorEvent[] = [];
    failing.on(BOT_EVENTS.error, (e) => errors.push(e));
    await failing.start();
    expect(await failing.finished()).toBe('faulted');
    expect(errors[0]?.stage).toBe('predict');
    expect(errors[0]?.error.message).toMatch(/session closed/);
  });

  it('refuses invalid runner options with a config error', () => {
    expect(() => createBot({ ...parts(), options: { maxConsecutiveFailures: 0 } })).toThrowError(
      'Invalid config in bot options: maxConsecutiveFailures: expected number > 0, got 0',
    );
  });
});

describe('runBacktest', () => {
  it('replays real candles through the runner and accounts for every fill', async () => {
    const broker = new NextOpenBroker(1);
    const result = await runBacktest({
      ...parts({ broker }),
      series: { 'ETH/BTC': eth },
      timeframe: '5m',
      startEquity: 1,
    });
    expect(result.candles).toBe(400);
    expect(result.errors).toEqual([]);
    expect(result.equity.value).toHaveLength(400);
    expect(result.metrics.trades).toBe(result.trades.length);
    expect(result.trades.length).toBeGreaterThan(0);
    // Closed trades' P&L plus the open position's unrealised P&L (after its entry fee) explain the equity change.
    const p = broker.portfolio();
    const open = Object.values(p.positions)[0];
    const pnl = result.trades.reduce((s, t) => s + t.pnl, 0);
    const entry = result.fills.at(-1);
    const unrealised = open && entry ? open.amount * open.markPrice - (entry.amount * entry.price + entry.fee) : 0;
    expect(p.equity - 1).toBeCloseTo(pnl + unrealised, 12);
    expect(result.metrics.totalReturn).toBeCloseTo(p.equity - 1, 12);
    expect(result.metrics.buyAndHold).toBeCloseTo((eth.close[399] as number) / (eth.open[0] as number) - 1, 12);
    expect(result.metrics.maxDrawdown).toBeGreaterThanOrEqual(0);
  });

  it('keeps the same record with a broker that answers position() and equity() as with one that has only portfolio()', async () => {
    // NextOpenBroker has only portfolio(); the same broker with the optional reads added must give the same run.
    class WithReads extends NextOpenBroker {
      position(symbol: string) {
        return this.portfolio().positions[symbol];
      }
      equity() {
        return this.portfolio().equity;
      }
    }
    const run = (broker: NextOpenBroker) =>
      runBacktest({
        ...parts({ broker }),
        series: { 'ETH/BTC': eth, 'LTC/BTC': ltc },
        timeframe: '5m',
        startEquity: 1,
      });
    const plain = await run(new NextOpenBroker(1));
    const reads = await run(new WithReads(1));
    expect(plain.fills.length).toBeGreaterThan(2);
    expect(reads.fills).toEqual(plain.fills);
    expect(reads.equity).toEqual(plain.equity);
    expect(reads.metrics).toEqual(plain.metrics);
    expect(reads.decisions).toEqual(plain.decisions);
    expect(plain.metrics.exposure).toBeGreaterThan(0);
  });

  it('reports a broker whose reads throw as failed cycles, faults, and still resolves with what it has', async () => {
    class FailingReads extends NextOpenBroker {
      position(): undefined {
        throw new Error('position read failed');
      }
      equity(): number {
        throw new Error('equity read failed');
      }
    }
    const result = await runBacktest({
      ...parts({ broker: new FailingReads(1) }),
      series: { 'ETH/BTC': eth },
      timeframe: '5m',
      startEquity: 1,
    });
    // Every cycle ends by reading the equity: five failed reports in a row fault the bot, which ends the replay.
    expect(result.errors.length).toBe(5);
    expect(result.errors.every((e) => e.stage === 'report' && e.error.message.includes('equity read failed'))).toBe(
      true,
    );
    expect(result.candles).toBeLessThan(400);
    expect(result.fills).toEqual([]);
  });

  it('refuses to replay invalid candles', async () => {
    const bad = { ...eth, close: Float64Array.from(eth.close) };
    bad.close[10] = Number.NaN;
    await expect(
      runBacktest({ ...parts(), series: { 'ETH/BTC': bad }, timeframe: '5m', startEquity: 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
  });
});
