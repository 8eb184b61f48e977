/**
 * Walk-forward with purging over the ten real BTC-quoted 5m markets of
 * data/ohlcv (freqtrade test data, 2018-01-10..30), features from
 * the real `@sextant/features` FeaturePipeline and `forwardReturn` labels, with
 * a real ridge regression and, on one market, a seeded random search over the histogram
 * GBDT. Prints the per-fold metrics.
 */
import type { FeatureFrame } from '@sextant/features';
import {
  type FeatureMatrix,
  type FitOptions,
  GradientBoostingRegressor,
  LinearRegressor,
  type Model,
  type RegressionScores,
  scoreRegression,
  walkForward,
} from '@sextant/models';
import { describe, expect, it } from 'vitest';
import { BTC_MARKETS, HORIZON_BARS, loadMarket, loadMarketWithPipeline } from './realMarkets.js';

const BAR = 300_000;

/** A real ridge model that also remembers the times of the rows it was trained on, to audit the purge. */
class AuditedRidge extends LinearRegressor {
  readonly trainedOn: number[][];
  constructor(log: number[][]) {
    super({ lambda: 1e-3 });
    this.trainedOn = log;
  }
  override fit(X: FeatureMatrix, y: ArrayLike<number>, options?: FitOptions): this {
    this.trainedOn.push(Array.from((X as FeatureFrame).timestamp));
    return super.fit(X, y, options);
  }
}

describe('walkForward over the ten real */BTC 5m markets', () => {
  it('purges label overlap, predicts every tested row out of sample, and reports per-fold metrics', async () => {
    const table: string[] = [];
    let folds = 0;
    for (const base of BTC_MARKETS) {
      const { symbol, frame, y } = loadMarketWithPipeline(base);
      expect(frame.names.length).toBeGreaterThan(20);
      const trained: number[][] = [];
      const wf = await walkForward({
        X: frame,
        y,
        createModel: () => new AuditedRidge(trained),
        trainSize: 2000,
        testSize: 600,
        purge: HORIZON_BARS,
        embargo: 2,
      });
      const expectedFolds = Math.ceil((frame.length - 2000) / 600);
      expect(wf.folds.length).toBe(expectedFolds);
      folds += wf.folds.length;
      wf.folds.forEach((f, k) => {
        // the model of fold k never saw a row whose 1h label reaches into its test window
        const lastTrain = Math.max(...trained[k]!);
        const firstTest = frame.timestamp[f.testStart]!;
        expect(lastTrain + HORIZON_BARS * BAR).toBeLessThan(firstTest);
        expect(trained[k]!.length).toBe(2000 - HORIZON_BARS - 2);
        // per-fold metrics agree with an independent recomputation from the OOS predictions
        const again = scoreRegression(
          y.subarray(f.testStart, f.testEnd),
          wf.predictions.subarray(f.testStart, f.testEnd),
        );
        expect((f.metrics as RegressionScores).mae).toBeCloseTo(again.mae, 12);
        const m = f.metrics as RegressionScores;
        expect(m.n).toBe(f.testEnd - f.testStart);
        table.push(
          `${symbol} fold ${k}: rows ${f.testStart}-${f.testEnd - 1} mae ${m.mae.toExponential(3)} rmse ${m.rmse.toExponential(3)} dirAcc ${m.directionalAccuracy.toFixed(3)}`,
        );
      });
      // out-of-sample predictions cover exactly the tested span
      for (let i = 0; i < 2000; i++) expect(wf.predictions[i]).toBeNaN();
      for (let i = 2000; i < frame.length; i++) expect(Number.isFinite(wf.predictions[i]!)).toBe(true);
      expect((wf.metrics as RegressionScores).n).toBe(frame.length - 2000);
    }
    console.log(`walk-forward, ridge, purge ${HORIZON_BARS} + embargo 2, ${folds} folds:\n${table.join('\n')}`);
    expect(folds).toBeGreaterThanOrEqual(60);
  });

  it('runs a seeded random search inside each fold, reproducibly', async () => {
    const { frame, y } = loadMarket('ETH');
    const run = () =>
      walkForward({
        X: frame,
        y,
        createModel: (p) => new GradientBoostingRegressor({ nEstimators: 25, seed: 3, ...(p as object) }) as Model,
        trainSize: 3000,
        testSize: 1000,
        mode: 'expanding',
        purge: HORIZON_BARS,
        search: {
          space: { maxDepth: { min: 2, max: 4, integer: true }, learningRate: { min: 0.03, max: 0.3, log: true } },
          trials: 3,
          seed: 11,
        },
      });
    const a = await run();
    const b = await run();
    expect(a.folds.length).toBe(3);
    expect(Array.from(a.predictions)).toEqual(Array.from(b.predictions));
    for (const f of a.folds) {
      expect(f.trainStart).toBe(0);
      expect(f.trials).toHaveLength(3);
      const best = f.trials!.reduce((x, z) => (z.score < x.score ? z : x));
      expect(f.params).toEqual(best.params);
      expect(Number.isInteger(f.params['maxDepth'])).toBe(true);
      console.log(
        `ETH/BTC gbdt fold ${f.index}: params ${JSON.stringify(f.params)} OOS mae ${(f.metrics as RegressionScores).mae.toExponential(3)}`,
      );
    }
  });
});
