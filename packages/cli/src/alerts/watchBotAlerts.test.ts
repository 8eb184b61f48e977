import {
  type CandleSeries,
  createBot,
  DecisionEngine,
  type FeatureSource,
  ReplayFeed,
  SextantError,
} from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { RiskValidator } from '@sextant/risk';
import { describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../demo/loadDemoCandles.js';
import type { Alert, Alerter } from './Alert.type.js';
import { watchBotAlerts } from './watchBotAlerts.js';

/** An Alerter plug-in that keeps what it is sent. */
class MemoryAlerter implements Alerter {
  readonly sent: Alert[] = [];
  async send(alert: Alert): Promise<void> {
    this.sent.push(alert);
  }
}

describe('watchBotAlerts', () => {
  it('raises repeated-errors once at the threshold, then faulted when the runner gives up', async () => {
    const candles = (await loadDemoCandles())['ETH/BTC'] as CandleSeries;
    // A feature stage that fails on every candle, like a broken data source would.
    const broken: FeatureSource = {
      names: ['x'],
      hash: 'h',
      update() {
        throw new SextantError('STORAGE_IO', 'feature store unreachable');
      },
    };
    const bot = createBot({
      feed: new ReplayFeed({ series: { 'ETH/BTC': candles }, timeframe: '5m' }),
      features: broken,
      models: [],
      decisions: new DecisionEngine(),
      risk: new RiskValidator({ minCapital: 0 }),
      broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' }),
      options: { maxConsecutiveFailures: 5 },
    });
    const alerter = new MemoryAlerter();
    let t = 0;
    const raise = watchBotAlerts(bot, alerter, { errorThreshold: 3, errorWindowMs: 60_000, now: () => (t += 1000) });
    await bot.start();
    expect(await bot.finished()).toBe('faulted');
    await new Promise((r) => setImmediate(r));
    expect(alerter.sent.map((a) => a.kind)).toEqual(['repeated-errors', 'faulted']);
    expect(alerter.sent[0]?.message).toContain(
      '3 errors within 60s, last in stage "features": feature store unreachable',
    );
    expect(alerter.sent[1]).toMatchObject({
      severity: 'critical',
      message: 'Bot faulted: 5 consecutive failed cycles',
    });
    raise({ kind: 'drift', severity: 'warning', message: 'rsi_14 drifted', timestamp: 1, details: {} });
    await new Promise((r) => setImmediate(r));
    expect(alerter.sent.at(-1)?.kind).toBe('drift');
    await bot.dispose();
  });
});
