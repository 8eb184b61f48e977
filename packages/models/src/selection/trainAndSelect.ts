import { InvalidArgumentError } from '@sextant/core';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, FitOptions, Model } from '../Model.type.js';
import { featureMatrixRows, sliceFeatureMatrix } from '../walkforward/sliceFeatureMatrix.js';
import { type ClassificationScores, scoreClassification } from './scoreClassification.js';
import { type RegressionScores, scoreRegression } from './scoreRegression.js';

/** One learner to try. */
export interface Candidate {
  /** Name recorded in the scores, e.g. `ridge`, `gbdt-depth6`. */
  name: string;
  /** Builds a fresh, untrained model. */
  create: () => Model;
}

/** Options of {@link trainAndSelect}. */
export interface TrainAndSelectOptions {
  /** Learners to try (at least one). */
  candidates: readonly Candidate[];
  /** Features, oldest row first. */
  X: FeatureMatrix;
  /** Target per row (a class index for classification). */
  y: ArrayLike<number>;
  /** `regression` picks the lowest MAE, `classification` the lowest log-loss. @default 'regression' */
  task?: 'regression' | 'classification';
  /** Share of rows, the latest, held out for scoring. @default 0.3 (the reference 70/30 split) */
  holdout?: number;
  /** Rows dropped between training and hold-out because their labels overlap it. @default 0 */
  purge?: number;
  /** Passed to every `fit` (feature names, manifest fields). */
  fitOptions?: Omit<FitOptions, 'validation'>;
  /**
   * Also pass the hold-out to `fit` as `validation`, so learners with early
   * stopping stop on it. Off by default: a hold-out that chose the stopping
   * round scores its candidate optimistically. @default false
   */
  earlyStoppingOnHoldout?: boolean;
}

/** Score of one candidate on the hold-out. */
export interface CandidateScore {
  /** The candidate's name. */
  name: string;
  /** MAE (regression) or log-loss (classification): lower is better. */
  score: number;
  /** All hold-out metrics. */
  metrics: RegressionScores | ClassificationScores;
  /** Training time, ms. */
  fitMs: number;
}

/** What {@link trainAndSelect} returns. */
export interface SelectionResult {
  /** The winning model, trained on the training part, with its hold-out metrics in `manifest.metrics`. */
  best: Model;
  /** The winner's name. */
  bestName: string;
  /** Every candidate's score, in candidate order. */
  scores: CandidateScore[];
  /** Row ranges used: training `[0, trainEnd)`, hold-out `[holdoutStart, rows)`. */
  split: { trainEnd: number; holdoutStart: number; rows: number };
}

/**
 * Train every candidate on the older part of the data and keep the best on a
 * chronological hold-out (the latest `holdout` share of rows): lowest MAE for
 * regression, lowest log-loss for classification, ties to the earlier
 * candidate. Every candidate's score is recorded. With `earlyStoppingOnHoldout`
 * the hold-out is also passed to `fit` as `validation`.
 *
 * @param options - candidates, data, task, hold-out share and purge
 * @returns the best model, its name, and every candidate's score
 * @throws InvalidArgumentError on no candidates, a hold-out share outside (0, 1), or too few rows for the split
 * @throws ModelError when a classification candidate has no `predictProba`
 * @example
 * ```ts
 * import { trainAndSelect, LinearRegressor, GradientBoostingRegressor } from '@sextant/models';
 * const { bestName, scores } = await trainAndSelect({
 *   candidates: [{ name: 'ridge', create: () => new LinearRegressor() }, { name: 'gbdt', create: () => new GradientBoostingRegressor() }],
 *   X, y,
 * });
 * ```
 */
export async function trainAndSelect(options: TrainAndSelectOptions): Promise<SelectionResult> {
  const { candidates, X, y } = options;
  const task = options.task ?? 'regression';
  const holdout = options.holdout ?? 0.3;
  const purge = options.purge ?? 0;
  if (candidates.length === 0) throw new InvalidArgumentError('trainAndSelect needs at least one candidate, got 0');
  if (!(holdout > 0 && holdout < 1)) throw new InvalidArgumentError(`holdout must be in (0, 1), got ${holdout}`);
  if (!Number.isInteger(purge) || purge < 0)
    throw new InvalidArgumentError(`purge must be an integer >= 0, got ${purge}`);
  const rows = featureMatrixRows(X);
  if (y.length !== rows) throw new InvalidArgumentError(`y has ${y.length} values, X has ${rows} rows`);
  const holdoutStart = rows - Math.max(1, Math.floor(rows * holdout));
  const trainEnd = holdoutStart - purge;
  if (trainEnd < 2) throw new InvalidArgumentError(`${rows} rows leave ${trainEnd} training rows after the hold-out`);
  const Xtrain = sliceFeatureMatrix(X, 0, trainEnd);
  const yTrain = Array.prototype.slice.call(y, 0, trainEnd) as number[];
  const Xval = sliceFeatureMatrix(X, holdoutStart, rows);
  const yVal = Array.prototype.slice.call(y, holdoutStart, rows) as number[];
  const scores: CandidateScore[] = [];
  let best: Model | undefined;
  let bestName = '';
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const model = c.create();
    const t0 = performance.now();
    const validation = options.earlyStoppingOnHoldout ? { validation: { X: Xval, y: yVal } } : {};
    await model.fit(Xtrain, yTrain, { ...options.fitOptions, ...validation });
    const fitMs = performance.now() - t0;
    let metrics: RegressionScores | ClassificationScores;
    let score: number;
    if (task === 'classification') {
      if (!model.predictProba) throw new ModelError(`Candidate "${c.name}" has no predictProba for classification`);
      const m = scoreClassification(yVal, model.predictProba(Xval));
      metrics = m;
      score = m.logloss;
    } else {
      const m = scoreRegression(yVal, model.predict(Xval));
      metrics = m;
      score = m.mae;
    }
    scores.push({ name: c.name, score, metrics, fitMs });
    if (best === undefined || score < bestScore) {
      best = model;
      bestName = c.name;
      bestScore = Number.isNaN(score) ? Number.POSITIVE_INFINITY : score;
    }
  }
  const won = scores.find((s) => s.name === bestName)!;
  if (!Object.isFrozen(best!.manifest.metrics)) Object.assign(best!.manifest.metrics, numeric(won.metrics));
  return { best: best!, bestName, scores, split: { trainEnd, holdoutStart, rows } };
}

function numeric(m: RegressionScores | ClassificationScores): Record<string, number> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v === 'number'));
}
