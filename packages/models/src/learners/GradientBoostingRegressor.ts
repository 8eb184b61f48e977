import { parseWith } from '@sextant/core';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import { ModelError } from '../errors/ModelError.js';
import { parseXGBoostJSON } from '../xgboost/parseXGBoostJSON.js';
import { TreeEnsemble } from '../xgboost/TreeEnsemble.js';
import { toXGBoostJSON } from '../xgboost/toXGBoostJSON.js';
import type { XGBoostJSON } from '../xgboost/XGBoostJSON.type.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import { type GradientBoostingConfig, GradientBoostingConfigSchema } from './GradientBoostingConfigSchema.js';
import type { GbdtState } from './GbdtState.type.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { trainGbdt } from './gbdt/trainGbdt.js';
import { regressionMetrics } from './regressionMetrics.js';

/**
 * Histogram gradient boosting for regression (squared error), our own
 * implementation of xgboost's `hist` method on typed arrays. Missing values
 * (NaN) are learnt a default direction per split. The fitted model is an
 * xgboost JSON model (`toXGBoostJSON()`), predicted in float32 exactly as
 * native xgboost predicts it.
 *
 * @example
 * ```ts
 * import { GradientBoostingRegressor } from '@sextant/models';
 * const model = new GradientBoostingRegressor({ nEstimators: 200, maxDepth: 6, learningRate: 0.1, seed: 1 });
 * model.fit(trainX, trainY, { validation: { X: validX, y: validY } });
 * const pred = model.predict(testX); // Float64Array
 * ```
 */
export class GradientBoostingRegressor extends BaseLearner<GbdtState> {
  protected readonly fitLayout = 'col' as const;
  #ensemble: TreeEnsemble | undefined;
  #state: GbdtState | undefined;

  /**
   * @param config - boosting parameters, see {@link GradientBoostingConfigSchema} for defaults
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: GradientBoostingConfig = {}) {
    const c = parseWith(GradientBoostingConfigSchema, config);
    super('gbdt-regressor', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a gbdt regressor
   */
  static fromJSON(json: LearnerJSON<GbdtState>): GradientBoostingRegressor {
    if (json?.manifest?.kind !== 'gbdt-regressor') {
      throw new ModelError(`Expected a "gbdt-regressor" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new GradientBoostingRegressor(json.manifest.params as GradientBoostingConfig);
    model.restoreBase(json);
    model.#state = json.state;
    model.#ensemble = parseXGBoostJSON(json.state.xgboost).ensemble;
    return model;
  }

  /** The fitted float32 tree evaluator. */
  get ensemble(): TreeEnsemble {
    this.requireFitted();
    return this.#ensemble!;
  }

  /** Validation metric (rmse) per round, empty when fit without validation. */
  get history(): readonly number[] {
    return this.#state?.history ?? [];
  }

  /**
   * Predict one feature row without allocating (the live hot path).
   *
   * @param row - one value per feature, in training column order
   * @returns the prediction
   * @throws FeatureMismatchError when `row` has another length
   */
  predictRow(row: ArrayLike<number>): number {
    const e = this.ensemble;
    if (row.length !== e.spec.numFeature) {
      throw new FeatureMismatchError(`Feature row has ${row.length} values, the model expects ${e.spec.numFeature}`);
    }
    return e.predictRow(row);
  }

  /** The model in xgboost's JSON format, loadable by native xgboost (`xgb.Booster(model_file=...)`). */
  toXGBoostJSON(): XGBoostJSON {
    this.requireFitted();
    const x = this.#state!.xgboost;
    const names = this.manifest.featureNames;
    return { ...x, learner: { ...x.learner, feature_names: [...names], feature_types: names.map(() => 'float') } };
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): Record<string, number> | undefined {
    const p = this.manifest.params as z.output<typeof GradientBoostingConfigSchema>;
    const r = trainGbdt(m, y, 1, 'squared', ctx.weight, ctx.validation, p);
    const spec = {
      trees: r.trees,
      treeGroup: r.treeGroup,
      numGroup: 1,
      numFeature: m.cols,
      baseMargin: r.baseMargin,
      objective: 'reg:squarederror' as const,
    };
    this.#ensemble = new TreeEnsemble(spec);
    const xgboost = toXGBoostJSON(spec, { baseScore: r.baseScore, numClass: 0 });
    this.#state = { xgboost, rounds: r.rounds, history: r.history };
    return ctx.validation ? undefined : regressionMetrics(r.margins, y);
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
