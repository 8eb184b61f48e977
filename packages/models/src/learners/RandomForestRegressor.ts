import { parseWith } from '@sextant/core';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { TreeEnsemble } from '../xgboost/TreeEnsemble.js';
import { toXGBoostJSON } from '../xgboost/toXGBoostJSON.js';
import { parseXGBoostJSON } from '../xgboost/parseXGBoostJSON.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import type { GbdtState } from './GbdtState.type.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { featuresPerSplit, type RandomForestConfig, RandomForestConfigSchema } from './RandomForestConfigSchema.js';
import { trainForest } from './forest/trainForest.js';
import { regressionMetrics } from './regressionMetrics.js';

/**
 * Random forest regression on typed arrays: bagged histogram trees with
 * per-split feature sampling, seeded. Trees are stored in xgboost's JSON
 * layout (a forest is xgboost's `num_parallel_tree` model with leaves divided
 * by the tree count) and predicted in float32.
 *
 * @example
 * ```ts
 * import { RandomForestRegressor } from '@sextant/models';
 * const rf = new RandomForestRegressor({ nEstimators: 100, maxDepth: 8, seed: 1 }).fit(X, y);
 * rf.predict(testX);
 * ```
 */
export class RandomForestRegressor extends BaseLearner<GbdtState> {
  protected readonly fitLayout = 'col' as const;
  #ensemble: TreeEnsemble | undefined;
  #state: GbdtState | undefined;

  /**
   * @param config - forest parameters, see {@link RandomForestConfigSchema} (maxFeatures defaults to 1: all features)
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: RandomForestConfig = {}) {
    const c = parseWith(RandomForestConfigSchema, config);
    super('random-forest-regressor', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a random forest regressor
   */
  static fromJSON(json: LearnerJSON<GbdtState>): RandomForestRegressor {
    if (json?.manifest?.kind !== 'random-forest-regressor') {
      throw new ModelError(`Expected a "random-forest-regressor" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new RandomForestRegressor(json.manifest.params as RandomForestConfig);
    model.restoreBase(json);
    model.#state = json.state;
    model.#ensemble = parseXGBoostJSON(json.state.xgboost).ensemble;
    return model;
  }

  /**
   * Predict one feature row (no allocation).
   *
   * @param row - one value per feature, in training order
   * @returns the forest average
   */
  predictRow(row: ArrayLike<number>): number {
    this.requireFitted();
    return this.#ensemble!.predictRow(row);
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof RandomForestConfigSchema>;
    const { trees, treeGroup } = trainForest(m, [y], ctx.weight, {
      ...p,
      featuresPerSplit: featuresPerSplit(p.maxFeatures, m.cols, 'all'),
    });
    const spec = {
      trees,
      treeGroup,
      numGroup: 1,
      numFeature: m.cols,
      baseMargin: [0],
      objective: 'reg:squarederror' as const,
    };
    this.#ensemble = new TreeEnsemble(spec);
    this.#state = { xgboost: toXGBoostJSON(spec, { baseScore: 0, numClass: 0 }), rounds: trees.length, history: [] };
    return undefined;
  }

  protected predictMatrix(m: Matrix): Float64Array {
    return this.#ensemble!.predict(m);
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return regressionMetrics(this.predictMatrix(m), y);
  }

  protected saveState(): GbdtState {
    return this.#state!;
  }
}
