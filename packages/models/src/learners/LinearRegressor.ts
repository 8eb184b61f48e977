import { parseWith } from '@sextant/core';
import { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { regressionMetrics } from './regressionMetrics.js';
import { solveRidge } from './solveRidge.js';
import { trustMarginField } from './trustMarginField.js';

/** Config of {@link LinearRegressor}. */
export const LinearRegressorConfigSchema = z.strictObject({
  /** L2 penalty on the coefficients (not the intercept), in squared target units x rows. @default 0 */
  lambda: z.number().min(0).default(0),
  /** Fit an intercept. @default true */
  fitIntercept: z.boolean().default(true),
  /** See FeatureRange. @default 0.5 */
  trustMargin: trustMarginField,
});
/** What users write for {@link LinearRegressor}. */
export type LinearRegressorConfig = z.input<typeof LinearRegressorConfigSchema>;

/** Fitted state of {@link LinearRegressor}. */
export interface LinearState {
  /** Coefficients, one per feature. */
  coef: number[];
  /** Intercept. */
  intercept: number;
}

/**
 * Ridge regression solved in closed form: minimises
 * `sum w_i (y_i - b - x_i.beta)^2 + lambda |beta|^2` (scikit-learn's `Ridge`
 * with `alpha = lambda`; the intercept is not penalised). Training rows with
 * a NaN feature are skipped; a row with a NaN feature predicts NaN. When
 * `lambda` is 0 and the features are collinear, a ridge of 1e-10 x the mean
 * feature variance is added so the solve succeeds (minimum-norm-like).
 *
 * @example
 * ```ts
 * import { LinearRegressor } from '@sextant/models';
 * const model = new LinearRegressor({ lambda: 0.1 }).fit([[0], [1], [2]], [1, 3, 5]);
 * model.predict([[3]]); // Float64Array [~6.9]
 * ```
 */
export class LinearRegressor extends BaseLearner<LinearState> {
  protected readonly fitLayout = 'row' as const;
  #coef: Float64Array = new Float64Array(0);
  #intercept = 0;

  /**
   * @param config - lambda (default 0), fitIntercept (default true), trustMargin (default 0.5)
   * @throws ConfigError on a negative lambda or unknown key
   */
  constructor(config: LinearRegressorConfig = {}) {
    const c = parseWith(LinearRegressorConfigSchema, config);
    super('linear-regressor', 1, { ...c }, c.trustMargin);
  }

  /** Restore a model saved with `toJSON()`.
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a linear regressor */
  static fromJSON(json: LearnerJSON<LinearState>): LinearRegressor {
    if (json?.manifest?.kind !== 'linear-regressor') {
      throw new ModelError(`Expected a "linear-regressor" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new LinearRegressor(json.manifest.params as LinearRegressorConfig);
    model.restoreBase(json);
    model.#coef = Float64Array.from(json.state.coef);
    model.#intercept = json.state.intercept;
    return model;
  }

  /** Fitted coefficients, one per feature. */
  get coefficients(): Float64Array {
    return this.#coef.slice();
  }

  /** Fitted intercept. */
  get intercept(): number {
    return this.#intercept;
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof LinearRegressorConfigSchema>;
    const { coef, intercept } = solveRidge(m, y, ctx.weight, p.lambda, p.fitIntercept);
    this.#coef = coef;
    this.#intercept = intercept;
    return undefined;
  }

  protected predictMatrix(m: Matrix): Float64Array {
    const out = new Float64Array(m.rows);
    const { cols, data } = m;
    for (let r = 0; r < m.rows; r++) {
      let s = this.#intercept;
      for (let c = 0; c < cols; c++) s += this.#coef[c]! * data[r * cols + c]!;
      out[r] = s;
    }
    return out;
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return regressionMetrics(this.predictMatrix(m), y);
  }

  protected saveState(): LinearState {
    return { coef: Array.from(this.#coef), intercept: this.#intercept };
  }
}
