import { GradientBoostingRegressor, LinearRegressor, type Model } from '@sextant/models';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { TrainingSet } from './buildTrainingSet.js';

/** Options of {@link trainModel}. */
export interface TrainModelOptions {
  /** Learner from the config's `model.kind`: `gbdt` or `linear`. */
  kind: string;
  /** Seed of row/column sampling. */
  seed: number;
  /** Horizon label for the manifest, e.g. `1h`. */
  horizon: string;
  /** Target name for the manifest, e.g. `fwd_ret_1h`. */
  target: string;
  /** Learner hyperparameters (the config's `model.params`), over the defaults. */
  params?: Readonly<Record<string, unknown>>;
}

/** GBDT defaults for 5-minute forward returns: shallow, slow, subsampled trees. */
const GBDT_DEFAULTS = { nEstimators: 100, maxDepth: 3, learningRate: 0.1, subsample: 0.8, minChildWeight: 50 };

/**
 * Fit the configured regressor (`@sextant/models`) on a training set, with
 * the feature names and pipeline hash of the frames it came from recorded in
 * the manifest.
 *
 * @param set - rows and labels
 * @param features - names and hash of the feature pipeline
 * @param options - kind, seed, horizon, target, params
 * @returns the trained model
 * @throws CliError (`NOT_SUPPORTED`, exit 2) for a kind other than `gbdt` or `linear`
 * @throws ConfigError when `params` do not fit the learner's schema
 * @example
 * ```ts
 * import { trainModel } from '@sextant/cli';
 * const model = await trainModel(train, frames['ETH/BTC']!, { kind: 'gbdt', seed: 42, horizon: '1h', target: 'fwd_ret_1h' });
 * ```
 */
export async function trainModel(
  set: TrainingSet,
  features: { names: readonly string[]; hash: string },
  options: TrainModelOptions,
): Promise<Model> {
  let model: Model;
  if (options.kind === 'gbdt') {
    model = new GradientBoostingRegressor({ ...GBDT_DEFAULTS, seed: options.seed, ...options.params });
  } else if (options.kind === 'linear') {
    model = new LinearRegressor({ lambda: 1e-6, ...options.params });
  } else {
    throw new CliError('NOT_SUPPORTED', `Model kind "${options.kind}" cannot be trained here; use "gbdt" or "linear"`, {
      exitCode: EXIT_CODES.USAGE,
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of set.timestamp) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  await model.fit(set.X, set.y, {
    featureNames: features.names,
    manifest: { target: options.target, horizon: options.horizon, featureHash: features.hash, trainRange: [lo, hi] },
  });
  return model;
}
