/// <reference path="./tree/ml-cart.d.ts" />
import { parseWith } from '@sextant/core';
import { DecisionTreeRegression } from 'ml-cart';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { regressionMetrics } from './regressionMetrics.js';
import { type DecisionTreeConfig, DecisionTreeConfigSchema } from './tree/DecisionTreeConfigSchema.js';
import { columnMeans, imputeRows } from './tree/imputeRows.js';

/** Fitted state of {@link DecisionTreeRegressor}: the ml-cart tree and training column means. */
export interface DecisionTreeRegressorState {
  /** ml-cart `toJSON()` of the tree. */
  cart: object;
  /** Training column means used for NaN cells. */
  means: number[];
}

/**
 * A single CART regression tree (ml-cart, exact splits on variance). ml-cart
 * is slow on large data: use it for small sets and explanations, and
 * {@link RandomForestRegressor} / {@link GradientBoostingRegressor} otherwise.
 * NaN features are replaced by the training column mean (and flagged untrusted
 * at prediction). Sample weights are not supported.
 *
 * @example
 * ```ts
 * import { DecisionTreeRegressor } from '@sextant/models';
 * const tree = new DecisionTreeRegressor({ maxDepth: 4 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * tree.predict([[2.5]]); // Float64Array [1]
 * ```
 */
export class DecisionTreeRegressor extends BaseLearner<DecisionTreeRegressorState> {
  protected readonly fitLayout = 'row' as const;
  #cart: DecisionTreeRegression | undefined;
  #means: number[] = [];

  /**
   * @param config - maxDepth (default 8), minSamples (default 3), trustMargin
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: DecisionTreeConfig = {}) {
    const c = parseWith(DecisionTreeConfigSchema, config);
    super('decision-tree-regressor', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a decision tree regressor
   */
  static fromJSON(json: LearnerJSON<DecisionTreeRegressorState>): DecisionTreeRegressor {
    if (json?.manifest?.kind !== 'decision-tree-regressor') {
      throw new ModelError(`Expected a "decision-tree-regressor" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new DecisionTreeRegressor(json.manifest.params as DecisionTreeConfig);
    model.restoreBase(json);
    model.#cart = DecisionTreeRegression.load(structuredClone(json.state.cart));
    model.#means = [...json.state.means];
    return model;
  }

  protected fitMatrix(m: Matrix, y: Float64Array, _ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof DecisionTreeConfigSchema>;
    this.#means = columnMeans(m);
    const cart = new DecisionTreeRegression({ maxDepth: p.maxDepth, minNumSamples: p.minSamples });
    cart.train(imputeRows(m, this.#means), Array.from(y));
    this.#cart = cart;
    return undefined;
  }

  protected predictMatrix(m: Matrix): Float64Array {
    return Float64Array.from(this.#cart!.predict(imputeRows(m, this.#means)));
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return regressionMetrics(this.predictMatrix(m), y);
  }

  protected saveState(): DecisionTreeRegressorState {
    return { cart: JSON.parse(JSON.stringify(this.#cart!.toJSON())) as object, means: this.#means };
  }
}
