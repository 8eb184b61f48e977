// Train two learners on a chronological split of real candles and compare them
// on the held-out period (labels of training rows never reach into it).
import { type FeatureFrame, FeaturePipeline, forwardReturn } from '@sextant/features';
import { GradientBoostingRegressor, LinearRegressor, type Model, regressionMetrics } from '@sextant/models';
import { isMain, realCandles } from './data.js';

const HORIZON = 12; // candles: 1 hour of 5-minute candles

function rows(frame: FeatureFrame, from: number, to: number): number[][] {
  const out: number[][] = [];
  for (let i = from; i < to; i++) out.push(frame.columns.map((c) => c[i] as number));
  return out;
}

export async function main(): Promise<Record<string, { mae: number; hit: number }>> {
  const candles = await realCandles('LTC/BTC');
  const frame = new FeaturePipeline().compute(candles);
  const offset = candles.length - frame.length; // rows dropped for warm-up
  const label = forwardReturn(candles.close, HORIZON).subarray(offset);
  const cut = Math.floor(frame.length * 0.7);
  const trainEnd = cut - HORIZON; // purge: the last labels would read test-period closes
  const testEnd = frame.length - HORIZON;
  const [Xtrain, ytrain] = [rows(frame, 0, trainEnd), label.subarray(0, trainEnd)];
  const [Xtest, ytest] = [rows(frame, cut, testEnd), label.subarray(cut, testEnd)];
  const learners: Record<string, Model> = {
    linear: new LinearRegressor({ lambda: 1e-3 }),
    gbdt: new GradientBoostingRegressor({ nEstimators: 60, maxDepth: 3, learningRate: 0.1, seed: 7 }),
  };
  const scores: Record<string, { mae: number; hit: number }> = {};
  for (const [name, model] of Object.entries(learners)) {
    await model.fit(Xtrain, ytrain, { featureNames: frame.names });
    const pred = model.predict(Xtest);
    let hits = 0;
    for (let i = 0; i < pred.length; i++) if (Math.sign(pred[i] as number) === Math.sign(ytest[i] as number)) hits++;
    scores[name] = { mae: regressionMetrics(pred, ytest).mae as number, hit: hits / pred.length };
    console.log(
      `${name.padEnd(7)} test MAE ${scores[name].mae.toExponential(3)}  direction hit ${(scores[name].hit * 100).toFixed(1)}%`,
    );
  }
  return scores;
}

if (isMain(import.meta.url)) await main();
