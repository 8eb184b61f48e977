/**
 * Classification end to end on real data: direction of the next hour on the
 * real ETH/BTC 5m candles (features from @sextant/features), walk-forward with
 * purging over a histogram GBDT classifier, then isotonic and Platt
 * calibration of the out-of-sample probabilities, and model selection by
 * log-loss.
 */
import {
  GradientBoostingClassifier,
  IsotonicCalibrator,
  LinearRegressor,
  PlattCalibrator,
  type ClassificationScores,
  confidence,
  scoreClassification,
  trainAndSelect,
  walkForward,
} from '@sextant/models';
import { describe, expect, it } from 'vitest';
import { HORIZON_BARS, loadMarketWithPipeline } from './realMarkets.js';

const { frame, y } = loadMarketWithPipeline('ETH');
const up = Float64Array.from(y, (v) => (v > 0 ? 1 : 0));

function brier(p: ArrayLike<number>, o: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - o[i]!) ** 2;
  return s / p.length;
}

describe('walk-forward classification and calibration on real ETH/BTC candles', () => {
  it('scores each fold by log-loss, returns OOS probabilities, and calibrates them', async () => {
    const wf = await walkForward({
      X: frame,
      y: up,
      task: 'classification',
      createModel: () => new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3, learningRate: 0.1, seed: 4 }),
      trainSize: 2500,
      testSize: 1000,
      purge: HORIZON_BARS,
    });
    expect(wf.folds).toHaveLength(Math.ceil((frame.length - 2500) / 1000));
    const from = 2500;
    const pUp: number[] = [];
    const outcome: number[] = [];
    for (let i = from; i < frame.length; i++) {
      const p = wf.probabilities![i]!;
      expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
      pUp.push(p[1]!);
      outcome.push(up[i]!);
    }
    for (const f of wf.folds) {
      const m = f.metrics as ClassificationScores;
      expect(m.n).toBe(f.testEnd - f.testStart);
      console.log(
        `ETH/BTC up/down fold ${f.index}: logloss ${m.logloss.toFixed(4)} accuracy ${m.accuracy.toFixed(3)} brier ${m.brier.toFixed(4)}`,
      );
    }
    const overall = wf.metrics as ClassificationScores;
    expect(overall.logloss).toBeCloseTo(
      scoreClassification(Array.from(up.subarray(from)), wf.probabilities!.slice(from) as Float64Array[]).logloss,
      12,
    );

    // Calibrate on the first half of the OOS span, judge on the second half.
    const half = Math.floor(pUp.length / 2);
    const fitP = pUp.slice(0, half);
    const fitO = outcome.slice(0, half);
    const iso = new IsotonicCalibrator().fit(fitP, fitO);
    const platt = new PlattCalibrator().fit(fitP, fitO);
    // isotonic regression is the least-squares monotone fit and the identity is monotone:
    // its in-sample Brier score can never exceed the raw one
    expect(brier(iso.transform(fitP), fitO)).toBeLessThanOrEqual(brier(fitP, fitO) + 1e-15);
    const testP = pUp.slice(half);
    const testO = outcome.slice(half);
    const line = (name: string, p: ArrayLike<number>) => `${name} brier ${brier(p, testO).toFixed(4)}`;
    console.log(
      `held-out half: ${line('raw', testP)}, ${line('isotonic', iso.transform(testP))}, ${line('platt', platt.transform(testP))}`,
    );
    for (const p of platt.transform(testP)) {
      const c = confidence({ probability: p, tracked: { accuracy: overall.accuracy, count: overall.n } });
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('selects between classifiers by log-loss on the chronological hold-out', async () => {
    const rows = 3000;
    const X = {
      ...frame,
      timestamp: frame.timestamp.subarray(0, rows),
      columns: frame.columns.map((c) => c.subarray(0, rows)),
      length: rows,
    };
    const result = await trainAndSelect({
      task: 'classification',
      candidates: [
        { name: 'shallow', create: () => new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 2, seed: 1 }) },
        { name: 'deeper', create: () => new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 5, seed: 1 }) },
      ],
      X,
      y: up.subarray(0, rows),
      purge: HORIZON_BARS,
    });
    expect(result.scores).toHaveLength(2);
    for (const s of result.scores) expect(s.score).toBe((s.metrics as ClassificationScores).logloss);
    expect(result.bestName).toBe(result.scores[0]!.score <= result.scores[1]!.score ? 'shallow' : 'deeper');
    console.log(
      `trainAndSelect by log-loss: ${result.scores.map((s) => `${s.name} ${s.score.toFixed(4)}`).join(', ')} -> ${result.bestName}`,
    );
    await expect(
      trainAndSelect({
        task: 'classification',
        candidates: [{ name: 'ridge', create: () => new LinearRegressor() }],
        X,
        y: up.subarray(0, rows),
      }),
    ).rejects.toThrow(/"ridge" has no predictProba/);
  });
});
