/**
 * PSI, KS and the drift monitor. KS is checked against SciPy
 * (../ensembles/reference.py: scipy.stats.ks_2samp and kstwobign); PSI against
 * a hand computation; the monitor on the real ETH/BTC 5m features.
 */
import { readFileSync } from 'node:fs';
import { isSextantError, seededRandom } from '@sextant/core';
import { DriftMonitor, type DriftReport, ksTest, psi, retrainDecision, sliceFeatureMatrix } from '@sextant/models';
import type { FeatureFrame } from '@sextant/features';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../walkforward/realMarkets.js';

const ref = JSON.parse(readFileSync(new URL('../ensembles/reference.json', import.meta.url), 'utf8')) as {
  ks: { a: number[]; b: number[]; statistic: number; asymptoticP: number };
};

function normal(rand: () => number, n: number, mean = 0, sd = 1): Float64Array {
  return Float64Array.from(
    { length: n },
    () => mean + sd * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()),
  );
}

describe('ksTest', () => {
  it('matches scipy.stats.ks_2samp (statistic) and kstwobign (asymptotic p-value)', () => {
    const r = ksTest(ref.ks.a, ref.ks.b);
    expect(r.statistic).toBeCloseTo(ref.ks.statistic, 14);
    expect(r.pValue).toBeCloseTo(ref.ks.asymptoticP, 10);
  });

  it('handles ties and ignores NaN', () => {
    expect(ksTest([1, 1, 2, 2], [1, 2, 2, Number.NaN, 2]).statistic).toBeCloseTo(0.25, 14);
    expect(ksTest([1, 2, 3], [1, 2, 3])).toEqual({ statistic: 0, pValue: 1 });
    expect(() => ksTest([Number.NaN], [1])).toThrow(/first sample has no finite value \(1 values\)/);
  });
});

describe('psi', () => {
  it('equals the hand computation on quartile bins', () => {
    const expected = [1, 2, 3, 4, 5, 6, 7, 8];
    const actual = [1, 1, 1, 4, 5, 6, 7, 8];
    // quartile edges of expected: 3, 5, 7 -> expected shares 1/4 each; actual: 3/8, 1/8, 2/8, 2/8
    const a = [3 / 8, 1 / 8, 2 / 8, 2 / 8];
    const want = a.reduce((s, x) => s + (x - 0.25) * Math.log(x / 0.25), 0);
    expect(psi(expected, actual, { bins: 4 })).toBeCloseTo(want, 14);
    expect(psi(expected, expected, { bins: 4 })).toBe(0);
  });

  it('is near zero for samples of one distribution and large for a shifted one', () => {
    const rand = seededRandom(5);
    const base = normal(rand, 5000);
    expect(psi(base, normal(rand, 5000))).toBeLessThan(0.02);
    expect(psi(base, normal(rand, 5000, 1))).toBeGreaterThan(0.5);
    expect(() => psi(base, base, { bins: 1 })).toThrow(/bins must be an integer >= 2, got 1/);
  });
});

describe('DriftMonitor', () => {
  it('stays quiet on a window from the training distribution and emits drift with scores on a shifted one', () => {
    const rand = seededRandom(8);
    const monitor = new DriftMonitor();
    monitor.setReference({
      features: { a: normal(rand, 3000), b: normal(rand, 3000) },
      predictions: normal(rand, 3000, 0, 0.1),
    });
    const events: DriftReport[] = [];
    monitor.on('drift', (r) => events.push(r));
    const quiet = monitor.check(
      { features: { a: normal(rand, 500), b: normal(rand, 500) }, predictions: normal(rand, 500, 0, 0.1) },
      1,
    );
    expect(quiet?.drifted).toEqual([]);
    expect(events).toHaveLength(0);
    const loud = monitor.check(
      { features: { a: normal(rand, 500), b: normal(rand, 500, 0.8) }, predictions: normal(rand, 500, 0.2, 0.1) },
      2,
    );
    expect(loud?.drifted).toEqual(['b', 'prediction']);
    expect(events).toHaveLength(1);
    expect(events[0]!.features[1]!.psi).toBeGreaterThan(0.2);
    expect(events[0]!.predictions!.ks).toBeGreaterThan(0.5);
    expect(monitor.check({ features: { a: [1], b: [1] } }, 3)).toBeUndefined();
  });

  it('reports the drift of the real ETH/BTC 5m features between the first and the last week', () => {
    const { frame } = loadMarket('ETH');
    const monitor = new DriftMonitor();
    monitor.setReference({ features: sliceFeatureMatrix(frame, 0, 2000) as FeatureFrame });
    const report = monitor.check(
      { features: sliceFeatureMatrix(frame, frame.length - 2000, frame.length) as FeatureFrame },
      Date.UTC(2018, 0, 30),
    )!;
    console.log(
      `ETH/BTC first vs last 2000 rows:\n${report.features.map((f) => `${f.name}: psi ${f.psi.toFixed(3)} ks ${f.ks.toFixed(3)} p ${f.pValue.toExponential(2)}${f.drifted ? ' DRIFT' : ''}`).join('\n')}`,
    );
    expect(report.features.map((f) => f.name)).toEqual(frame.names);
    for (const f of report.features) {
      expect(f.psi).toBeGreaterThanOrEqual(0);
      expect(f.drifted).toBe(f.psi >= 0.2 || (f.pValue < 0.01 && f.ks >= 0.1));
    }
    // volatility regimes of January 2018 differ between the first and the last week
    expect(report.drifted).toContain('vol_12');
  });

  it('refuses bad config, a check before the reference and a missing feature', () => {
    try {
      new DriftMonitor({ psiThreshold: -1 });
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'INVALID_CONFIG')).toBe(true);
      expect((e as Error).message).toContain('psiThreshold');
    }
    const m = new DriftMonitor({ minSamples: 1 });
    expect(() => m.check({ features: { a: [1] } }, 0)).toThrow(/before setReference/);
    m.setReference({ features: { a: [1, 2, 3], b: [1, 2, 3] } });
    expect(() => m.check({ features: { a: [1, 2] } }, 0)).toThrow(/no feature "b" \(has a\)/);
  });
});

describe('retrainDecision', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 0, 10);
  it('retrains fully on drift or weekly, lightly daily, otherwise waits', () => {
    expect(retrainDecision({ now })).toEqual({ kind: 'full', reason: 'no full retrain yet' });
    const drift: DriftReport = { time: now, rows: 100, features: [], drifted: ['vol_12'] };
    expect(retrainDecision({ now, lastFull: now - DAY / 2, lastLight: now - 1, drift })).toEqual({
      kind: 'full',
      reason: 'drift in vol_12',
    });
    expect(retrainDecision({ now, lastFull: now - 8 * DAY }).kind).toBe('full');
    expect(retrainDecision({ now, lastFull: now - 3 * DAY, lastLight: now - 1.5 * DAY })).toEqual({
      kind: 'light',
      reason: 'light retrain due: last 1.5 days ago (every 1.0 days)',
    });
    expect(retrainDecision({ now, lastFull: now - 3 * DAY, lastLight: now - 0.5 * DAY }).kind).toBe('none');
    expect(() => retrainDecision({ now, lightEveryMs: 0 })).toThrow(/light 0/);
  });
});
