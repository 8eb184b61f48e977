import { InvalidArgumentError, seededRandom } from '@sextant/core';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, Model } from '../Model.type.js';
import { type ClassificationScores, scoreClassification } from '../selection/scoreClassification.js';
import { type RegressionScores, scoreRegression } from '../selection/scoreRegression.js';
import { type ParamSpace, sampleParams } from './sampleParams.js';
import { featureMatrixRows, sliceFeatureMatrix } from './sliceFeatureMatrix.js';
import { type WalkForwardFold, type WalkForwardWindows, walkForwardFolds } from './walkForwardFolds.js';

/** Options of {@link walkForward}. */
export interface WalkForwardOptions extends WalkForwardWindows {
  /** Features, oldest row first. */
  X: FeatureMatrix;
  /** Target per row (a value, or a class index for classification). */
  y: ArrayLike<number>;
  /** Builds a fresh, untrained model from hyperparameters (`{}` without a search). */
  createModel: (params: Record<string, unknown>) => Model;
  /** `regression` scores MAE/RMSE; `classification` scores log-loss/accuracy via `predictProba`. @default 'regression' */
  task?: 'regression' | 'classification';
  /** Hyperparameters passed to `createModel` (merged under the searched ones). @default {} */
  params?: Record<string, unknown>;
  /** Seeded random search inside each fold's training window. */
  search?: {
    /** Search space. */
    space: ParamSpace;
    /** Parameter sets tried per fold. */
    trials: number;
    /** Seed of the draws. */
    seed: number;
    /** Share of the fold's training rows (its latest) used to score trials. @default 0.2 */
    validationFraction?: number;
  };
}

/** One evaluated fold. */
export interface WalkForwardFoldResult extends WalkForwardFold {
  /** Hyperparameters the fold's model was trained with. */
  params: Record<string, unknown>;
  /** Out-of-sample scores on the test window. */
  metrics: RegressionScores | ClassificationScores;
  /** Search scores per trial (MAE or log-loss on the inner validation), when searching. */
  trials?: { params: Record<string, unknown>; score: number }[];
}

/** What {@link walkForward} returns. */
export interface WalkForwardResult {
  /** Every fold, oldest first. */
  folds: WalkForwardFoldResult[];
  /** Out-of-sample prediction per row (`predict` output); NaN on rows no fold tested. */
  predictions: Float64Array;
  /** Out-of-sample class probabilities per row (classification); `undefined` on untested rows. */
  probabilities?: (Float64Array | undefined)[];
  /** Scores over every tested row together. */
  metrics: RegressionScores | ClassificationScores;
}

/**
 * Walk-forward validation: train on a rolling or expanding window, predict
 * the next test window, move on, with purging of training rows whose labels
 * overlap the test window and an optional embargo gap. Returns per-fold
 * metrics and the out-of-sample predictions for the whole span. With
 * `search`, each fold runs a seeded random search scored on the latest part
 * of its own training window (purged as well), then refits the best
 * parameters on the whole training window.
 *
 * @param options - data, model factory, windows and optional search
 * @returns folds, OOS predictions and overall OOS metrics
 * @throws InvalidArgumentError on bad windows, a target of the wrong length, or a span shorter than one fold
 * @throws ModelError when `task` is `classification` and the model has no `predictProba`
 * @example
 * ```ts
 * import { walkForward, LinearRegressor } from '@sextant/models';
 * const wf = await walkForward({ X, y, createModel: () => new LinearRegressor(), trainSize: 2000, testSize: 500, purge: 12 });
 * for (const f of wf.folds) console.log(f.index, f.metrics);
 * ```
 */
export async function walkForward(options: WalkForwardOptions): Promise<WalkForwardResult> {
  const { X, y, search } = options;
  const task = options.task ?? 'regression';
  const rows = featureMatrixRows(X);
  if (y.length !== rows) throw new InvalidArgumentError(`y has ${y.length} values, X has ${rows} rows`);
  const folds = walkForwardFolds(rows, options);
  if (folds.length === 0) {
    throw new InvalidArgumentError(`${rows} rows are too few for one fold of trainSize ${options.trainSize}`);
  }
  if (search && !(search.trials >= 1 && Number.isInteger(search.trials))) {
    throw new InvalidArgumentError(`search.trials must be an integer >= 1, got ${search.trials}`);
  }
  const rand = search ? seededRandom(search.seed) : undefined;
  const predictions = new Float64Array(rows).fill(Number.NaN);
  const probabilities: (Float64Array | undefined)[] | undefined = task === 'classification' ? [] : undefined;
  const gap = (options.purge ?? 0) + (options.embargo ?? 0);
  const results: WalkForwardFoldResult[] = [];
  for (const fold of folds) {
    let params = { ...options.params };
    let trials: WalkForwardFoldResult['trials'];
    if (search && rand) {
      const trainRows = fold.trainEnd - fold.trainStart;
      const valSize = Math.max(1, Math.floor(trainRows * (search.validationFraction ?? 0.2)));
      const innerEnd = fold.trainEnd - valSize - gap;
      if (innerEnd - fold.trainStart < 1) {
        throw new InvalidArgumentError(
          `Fold ${fold.index} has ${trainRows} training rows, too few for a purged search`,
        );
      }
      trials = [];
      for (let t = 0; t < search.trials; t++) {
        const p = { ...options.params, ...sampleParams(search.space, rand) };
        const out = await trainAndScore(
          options,
          p,
          [fold.trainStart, innerEnd],
          [fold.trainEnd - valSize, fold.trainEnd],
        );
        trials.push({ params: p, score: out.score });
      }
      params = trials.reduce((a, b) => (b.score < a.score || Number.isNaN(a.score) ? b : a)).params;
    }
    const out = await trainAndScore(options, params, [fold.trainStart, fold.trainEnd], [fold.testStart, fold.testEnd]);
    predictions.set(out.values, fold.testStart);
    if (probabilities && out.proba) for (const [i, p] of out.proba.entries()) probabilities[fold.testStart + i] = p;
    results.push({ ...fold, params, metrics: out.metrics, ...(trials ? { trials } : {}) });
  }
  const tested = folds.map((f) => [f.testStart, f.testEnd] as const);
  const from = tested[0]![0];
  const to = tested[tested.length - 1]![1];
  const yTested = Array.from({ length: to - from }, (_, i) => y[from + i]!);
  const metrics =
    task === 'classification' && probabilities
      ? scoreClassification(yTested, probabilities.slice(from, to) as Float64Array[])
      : scoreRegression(yTested, predictions.subarray(from, to));
  return { folds: results, predictions, ...(probabilities ? { probabilities } : {}), metrics };
}

async function trainAndScore(
  options: WalkForwardOptions,
  params: Record<string, unknown>,
  [trainStart, trainEnd]: readonly [number, number],
  [testStart, testEnd]: readonly [number, number],
): Promise<{
  values: Float64Array;
  proba?: Float64Array[];
  metrics: RegressionScores | ClassificationScores;
  score: number;
}> {
  const { X, y } = options;
  const model = options.createModel(params);
  const yTrain = Array.prototype.slice.call(y, trainStart, trainEnd) as number[];
  await model.fit(sliceFeatureMatrix(X, trainStart, trainEnd), yTrain);
  const Xtest = sliceFeatureMatrix(X, testStart, testEnd);
  const yTest = Array.prototype.slice.call(y, testStart, testEnd) as number[];
  const values = model.predict(Xtest);
  if ((options.task ?? 'regression') === 'classification') {
    if (!model.predictProba)
      throw new ModelError(`Model "${model.manifest.kind}" has no predictProba for classification`);
    const proba = model.predictProba(Xtest);
    const metrics = scoreClassification(yTest, proba);
    return { values, proba, metrics, score: metrics.logloss };
  }
  const metrics = scoreRegression(yTest, values);
  return { values, metrics, score: metrics.mae };
}
