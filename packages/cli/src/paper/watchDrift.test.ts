import { type CandleSeries, DecisionEngine, runBacktest, timeframeToMs } from '@sextant/core';
import { PaperBroker } from '@sextant/execution';
import { precomputedFeatureSource } from '@sextant/features';
import { createPredictor, LinearRegressor } from '@sextant/models';
import { RiskValidator } from '@sextant/risk';
import { describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../demo/loadDemoCandles.js';
import { createMetrics } from '../metrics/createMetrics.js';
import { buildTrainingSet } from '../pipeline/buildTrainingSet.js';
import { chronologicalSplit } from '../pipeline/chronologicalSplit.js';
import { computeFeatureFrames } from '../pipeline/computeFeatureFrames.js';
import { watchDrift } from './watchDrift.js';

describe('watchDrift', () => {
  it('scores every feature of the live window against the training window and reports drift transitions', async () => {
    const all = await loadDemoCandles();
    const series = { 'TRX/BTC': all['TRX/BTC'] as CandleSeries };
    const frames = computeFeatureFrames(series, '5m');
    const names = frames['TRX/BTC']?.names ?? [];
    const split = chronologicalSplit(series, 0.7, timeframeToMs('5m'));
    const train = buildTrainingSet(frames, series, { horizonBars: 12, labelsBefore: split.testFrom });
    const model = new LinearRegressor().fit(train.X, train.y, { featureNames: names });
    const metrics = createMetrics();
    const reports: string[][] = [];
    let checks = 0;
    await runBacktest({
      series,
      timeframe: '5m',
      startEquity: 1,
      from: split.testFrom,
      features: precomputedFeatureSource(frames),
      models: [createPredictor(model, { name: 'ret_1h', horizonMs: 3_600_000 })],
      decisions: new DecisionEngine(),
      risk: new RiskValidator({ minCapital: 0 }),
      broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' }),
      onBot: (bot) => {
        const monitor = watchDrift(bot, {
          frames,
          referenceBefore: split.testFrom,
          metrics,
          onDrift: (r) => reports.push(r.drifted),
        });
        monitor.on('drift', () => checks++);
      },
    });
    const text = await metrics.registry.metrics();
    for (const n of names) expect(text).toMatch(new RegExp(`sextant_drift_score\\{feature="${n}"\\} \\d`));
    // Transitions are reported at most once per drifted check, and only names of real features.
    expect(reports.length).toBeLessThanOrEqual(checks);
    for (const drifted of reports) for (const n of drifted) expect([...names, 'prediction']).toContain(n);
  });
});
