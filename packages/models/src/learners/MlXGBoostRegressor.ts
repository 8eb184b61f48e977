import { parseWith } from '@sextant/core';
import type { MlXGBoostBackend, MlXGBoostBooster } from './mlxgboost/MlXGBoostBackend.type.js';
import { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { BackendLimitError } from '../errors/BackendLimitError.js';
import { ModelError } from '../errors/ModelError.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { regressionMetrics } from './regressionMetrics.js';
import { trustMarginField } from './trustMarginField.js';
import { columnMeans, imputeRows } from './tree/imputeRows.js';

/**
 * Largest training set ml-xgboost 1.1.2 survives, in `cells + rows / 2`
 * (measured: 48,000 x 26 trains, 49,000 x 26, 100,000 x 13 and 25,000 x 52
 * crash with "memory access out of bounds").
 */
export const ML_XGBOOST_MAX_CELLS = 48_000 * 26 + 24_000;

/** Config of {@link MlXGBoostRegressor} (xgboost names as in {@link GradientBoostingConfigSchema}). */
export const MlXGBoostConfigSchema = z.strictObject({
  /** Boosting rounds. @default 100 */
  nEstimators: z.number().int().min(1).max(10_000).default(100),
  /** Maximum tree depth. @default 6 */
  maxDepth: z.number().int().min(1).max(24).default(6),
  /** Shrinkage per tree. @default 0.3 */
  learningRate: z.number().gt(0).max(1).default(0.3),
  /** Row fraction per round. @default 1 */
  subsample: z.number().gt(0).max(1).default(1),
  /** Feature fraction per tree. @default 1 */
  colsampleByTree: z.number().gt(0).max(1).default(1),
  /** Minimum hessian sum in a child. @default 1 */
  minChildWeight: z.number().min(0).default(1),
  /** L2 penalty on leaves. @default 1 */
  lambda: z.number().min(0).default(1),
  /** Seed. @default 0 */
  seed: z.number().int().min(0).default(0),
  /** xgboost tree method inside the WASM build. @default 'hist' */
  treeMethod: z.enum(['hist', 'exact', 'approx']).default('hist'),
  /** See FeatureRange. @default 0.5 */
  trustMargin: trustMarginField,
});
/** What users write for {@link MlXGBoostRegressor}. */
export type MlXGBoostConfig = z.input<typeof MlXGBoostConfigSchema>;

/** Fitted state of {@link MlXGBoostRegressor}. */
export interface MlXGBoostState {
  /** ml-xgboost `toJSON()` of the booster (binary model bytes). */
  booster: { name: string; model: number[]; options: Record<string, unknown> };
  /** Training column means used for NaN cells. */
  means: number[];
}

/**
 * Regression on `ml-xgboost` (an old xgboost compiled to WASM), kept as an
 * optional backend. Pass the class from {@link loadMlXGBoost}. Training sets
 * above {@link ML_XGBOOST_MAX_CELLS} are refused with a
 * {@link BackendLimitError} instead of crashing the WASM heap. Slower than
 * {@link GradientBoostingRegressor}; call `dispose()` to free WASM memory.
 * The WASM build aborts on NaN, so NaN cells are replaced by the training
 * column mean (and such rows are flagged untrusted).
 *
 * @example
 * ```ts
 * import { loadMlXGBoost, MlXGBoostRegressor } from '@sextant/models';
 * const model = new MlXGBoostRegressor({ nEstimators: 50, seed: 1 }, await loadMlXGBoost()).fit(X, y);
 * model.predict(testX);
 * model.dispose();
 * ```
 */
export class MlXGBoostRegressor extends BaseLearner<MlXGBoostState> {
  protected readonly fitLayout = 'row' as const;
  readonly #backend: MlXGBoostBackend;
  #booster: MlXGBoostBooster | undefined;
  #means: number[] = [];

  /**
   * @param config - boosting parameters
   * @param backend - the class resolved by {@link loadMlXGBoost}
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: MlXGBoostConfig, backend: MlXGBoostBackend) {
    const c = parseWith(MlXGBoostConfigSchema, config);
    super('ml-xgboost-regressor', 1, { ...c }, c.trustMargin);
    this.#backend = backend;
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @param backend - the class resolved by {@link loadMlXGBoost}
   * @returns the model
   * @throws ModelError when the snapshot is not an ml-xgboost regressor
   */
  static fromJSON(json: LearnerJSON<MlXGBoostState>, backend: MlXGBoostBackend): MlXGBoostRegressor {
    if (json?.manifest?.kind !== 'ml-xgboost-regressor' || !json.state?.booster) {
      throw new ModelError(`Expected an "ml-xgboost-regressor" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new MlXGBoostRegressor(json.manifest.params as MlXGBoostConfig, backend);
    model.restoreBase(json);
    model.#booster = backend.load(structuredClone(json.state.booster));
    model.#means = [...json.state.means];
    return model;
  }

  /** Free the WASM memory of the trained booster; the model cannot predict afterwards. */
  dispose(): void {
    this.#booster?.free();
    this.#booster = undefined;
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const load = m.rows * m.cols + m.rows / 2;
    if (load > ML_XGBOOST_MAX_CELLS) {
      throw new BackendLimitError(
        `ml-xgboost cannot train on ${m.rows} rows x ${m.cols} features (${load} > ${ML_XGBOOST_MAX_CELLS} cells + rows/2): ` +
          'its WASM heap overflows ("memory access out of bounds"); use GradientBoostingRegressor',
        { details: { rows: m.rows, cols: m.cols, limit: ML_XGBOOST_MAX_CELLS } },
      );
    }
    if (ctx.weight) throw new BackendLimitError('ml-xgboost does not support sampleWeight');
    const p = this.manifest.params as z.output<typeof MlXGBoostConfigSchema>;
    this.dispose();
    const booster = new this.#backend({
      booster: 'gbtree',
      objective: 'reg:linear',
      max_depth: p.maxDepth,
      eta: p.learningRate,
      min_child_weight: p.minChildWeight,
      subsample: p.subsample,
      colsample_bytree: p.colsampleByTree,
      lambda: p.lambda,
      seed: p.seed,
      tree_method: p.treeMethod,
      silent: 1,
      iterations: p.nEstimators,
    });
    this.#means = columnMeans(m);
    booster.train(imputeRows(m, this.#means), Array.from(y));
    this.#booster = booster;
    return undefined;
  }

  protected predictMatrix(m: Matrix): Float64Array {
    if (!this.#booster) throw new ModelError('ml-xgboost model was disposed');
    return Float64Array.from(this.#booster.predict(imputeRows(m, this.#means)));
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return regressionMetrics(this.predictMatrix(m), y);
  }

  protected saveState(): MlXGBoostState {
    if (!this.#booster) throw new ModelError('ml-xgboost model was disposed');
    const b = this.#booster.toJSON();
    return { booster: { name: b.name, model: Array.from(b.model), options: { ...b.options } }, means: this.#means };
  }
}
