/**
 * The reference master trainer on real candles: ETH/BTC 5m (data/ohlcv)
 * resampled to 30m and 1h with @sextant/features, one ridge sub-model per
 * timeframe on that timeframe's own pipeline (aligned to the 5m rows without
 * look-ahead by alignToBase), a ridge master over their predictions, for
 * three horizons (10m, 1h, 6h). Each stack is scored on the last 30% of rows,
 * purged from its training rows.
 */
import { readFileSync } from 'node:fs';
import { type Timeframe, candlesFromOHLCV } from '@sextant/core';
import { FeaturePipeline, type FeatureFrame, alignToBase, forwardReturn, resample } from '@sextant/features';
import { LinearRegressor, StackingEnsemble, scoreRegression, sliceFeatureMatrix } from '@sextant/models';
import { describe, expect, it } from 'vitest';
import { loadTestModel } from './loadTestModel.js';

const raw = JSON.parse(
  readFileSync(new URL('../../../../data/ohlcv/ETH_BTC-5m.json', import.meta.url), 'utf8'),
) as number[][];
const m5 = candlesFromOHLCV(raw);
const spec = (timeframe: Timeframe) =>
  new FeaturePipeline({
    timeframe,
    features: [
      { kind: 'logReturn', period: 1 },
      { kind: 'logReturn', period: 3 },
      { kind: 'rsi', period: 14 },
    ],
  });

/** Features of one timeframe, aligned to the 5m rows (NaN until the first closed higher candle). */
function timeframeColumns(tf: Timeframe): { cols: Float64Array[]; names: readonly string[]; hash: string } {
  const pipeline = spec(tf);
  if (tf === '5m') return { cols: pipeline.computeColumns(m5).columns, names: pipeline.names, hash: pipeline.hash };
  const higher = resample(m5, '5m', tf);
  const { timestamp, columns } = pipeline.computeColumns(higher);
  return { cols: alignToBase(m5, { timestamp, columns }, tf, '5m'), names: pipeline.names, hash: pipeline.hash };
}

const TIMEFRAMES = ['1h', '30m', '5m'] as const;
const perTf = Object.fromEntries(TIMEFRAMES.map((tf) => [tf, timeframeColumns(tf)]));

describe('StackingEnsemble over 5m, 30m and 1h sub-models on real ETH/BTC candles', () => {
  it('trains one stack per horizon and scores it out of sample', async () => {
    const lines: string[] = [];
    for (const [horizon, bars] of [
      ['10m', 2],
      ['1h', 12],
      ['6h', 72],
    ] as const) {
      const label = forwardReturn(m5.close, bars);
      const keep: number[] = [];
      for (let i = 0; i < m5.length; i++) {
        const ok =
          Number.isFinite(label[i]!) && TIMEFRAMES.every((tf) => perTf[tf]!.cols.every((c) => Number.isFinite(c[i]!)));
        if (ok) keep.push(i);
      }
      const frames = Object.fromEntries(
        TIMEFRAMES.map((tf) => {
          const { cols, names, hash } = perTf[tf]!;
          const frame: FeatureFrame = {
            timestamp: Float64Array.from(keep, (i) => m5.timestamp[i]!),
            names,
            columns: cols.map((c) => Float64Array.from(keep, (i) => c[i]!)),
            length: keep.length,
            hash,
          };
          return [tf, frame];
        }),
      );
      const y = Float64Array.from(keep, (i) => label[i]!);
      const split = Math.floor(keep.length * 0.7);
      const trainInputs = Object.fromEntries(
        TIMEFRAMES.map((tf) => [tf, sliceFeatureMatrix(frames[tf]!, 0, split - bars)]),
      );
      const testInputs = Object.fromEntries(
        TIMEFRAMES.map((tf) => [tf, sliceFeatureMatrix(frames[tf]!, split, keep.length)]),
      );
      const stack = new StackingEnsemble(
        TIMEFRAMES.map((tf) => ({ name: tf, timeframe: tf, model: new LinearRegressor({ lambda: 1e-3 }) })),
        new LinearRegressor({ lambda: 1e-6 }),
      );
      await stack.fit(trainInputs, y.subarray(0, split - bars), {
        purge: bars,
        manifest: { horizon, target: `ret_${horizon}` },
      });
      expect(stack.manifest.horizon).toBe(horizon);
      const yTest = y.subarray(split);
      const pred = stack.predict(testInputs);
      const members = stack.predictMembers(testInputs);
      // the master's prediction is its ridge over the members' predictions
      const master = stack.master as LinearRegressor;
      const c = master.coefficients;
      for (const r of [0, 100, 500]) {
        const byHand = master.intercept + TIMEFRAMES.reduce((s, tf, k) => s + c[k]! * members[tf]![r]!, 0);
        expect(pred[r]).toBeCloseTo(byHand, 12);
      }
      const back = StackingEnsemble.fromJSON(JSON.parse(JSON.stringify(stack.toJSON())), loadTestModel);
      expect(Array.from(back.predict(testInputs))).toEqual(Array.from(pred));
      const score = scoreRegression(yTest, pred);
      expect(score.n).toBe(yTest.length);
      const zero = scoreRegression(yTest, new Float64Array(yTest.length)).mae;
      lines.push(
        `${horizon}: stack mae ${score.mae.toExponential(3)} dirAcc ${score.directionalAccuracy.toFixed(3)} | ${TIMEFRAMES.map((tf) => `${tf} ${scoreRegression(yTest, members[tf]!).mae.toExponential(3)}`).join(' ')} | zero ${zero.toExponential(3)} (${yTest.length} OOS rows)`,
      );
    }
    console.log(`ETH/BTC stacking, OOS last 30%:\n${lines.join('\n')}`);
  });
});
