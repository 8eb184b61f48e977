/// <reference path="./tree/ml-cart.d.ts" />
import { parseWith } from '@sextant/core';
import { DecisionTreeClassifier as CartClassifier } from 'ml-cart';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { BaseClassifier } from './BaseClassifier.js';
import type { FitContext } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { type DecisionTreeConfig, DecisionTreeConfigSchema } from './tree/DecisionTreeConfigSchema.js';
import { columnMeans, imputeRows } from './tree/imputeRows.js';

/** Fitted state of {@link DecisionTreeClassifier}. */
export interface DecisionTreeClassifierState {
  /** ml-cart `toJSON()` of the tree. */
  cart: object;
  /** Training column means used for NaN cells. */
  means: number[];
  /** Class labels in index order. */
  classes: number[];
}

/**
 * A single CART classification tree (ml-cart, Gini). Leaf class frequencies
 * are the probabilities. Labels may be any numbers. NaN features are replaced
 * by the training column mean (and flagged untrusted). Slow on large data;
 * prefer {@link RandomForestClassifier} or {@link GradientBoostingClassifier}.
 *
 * @example
 * ```ts
 * import { DecisionTreeClassifier } from '@sextant/models';
 * const tree = new DecisionTreeClassifier({ maxDepth: 3 }).fit([[0], [1], [2], [3]], [-1, -1, 1, 1]);
 * tree.predict([[2.5]]); // Float64Array [1]
 * ```
 */
export class DecisionTreeClassifier extends BaseClassifier<DecisionTreeClassifierState> {
  protected readonly fitLayout = 'row' as const;
  #cart: CartClassifier | undefined;
  #means: number[] = [];

  /**
   * @param config - maxDepth (default 8), minSamples (default 3), gainThreshold (default 0.01), trustMargin
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: DecisionTreeConfig = {}) {
    const c = parseWith(DecisionTreeConfigSchema, config);
    super('decision-tree-classifier', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a decision tree classifier
   */
  static fromJSON(json: LearnerJSON<DecisionTreeClassifierState>): DecisionTreeClassifier {
    if (json?.manifest?.kind !== 'decision-tree-classifier' || !Array.isArray(json.state?.classes)) {
      throw new ModelError(`Expected a "decision-tree-classifier" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new DecisionTreeClassifier(json.manifest.params as DecisionTreeConfig);
    model.restoreBase(json);
    model.#cart = CartClassifier.load(structuredClone(json.state.cart));
    model.#means = [...json.state.means];
    model.encoder = new ClassEncoder(json.state.classes);
    return model;
  }

  protected fitMatrix(m: Matrix, y: Float64Array, _ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof DecisionTreeConfigSchema>;
    this.#means = columnMeans(m);
    const cart = new CartClassifier({
      maxDepth: p.maxDepth,
      minNumSamples: p.minSamples,
      gainThreshold: p.gainThreshold,
    });
    cart.train(imputeRows(m, this.#means), Array.from(this.encoder!.encode(y)));
    this.#cart = cart;
    return undefined;
  }

  protected probaMatrix(m: Matrix): Float64Array {
    const K = this.encoder!.size;
    const rows = imputeRows(m, this.#means);
    const out = new Float64Array(m.rows * K);
    rows.forEach((row, r) => {
      const dist = this.#cart!.root.classify(row);
      const probs = typeof dist === 'number' ? [dist] : dist.to1DArray();
      for (let k = 0; k < Math.min(K, probs.length); k++) out[r * K + k] = probs[k]!;
    });
    return out;
  }

  protected saveState(): DecisionTreeClassifierState {
    return {
      cart: JSON.parse(JSON.stringify(this.#cart!.toJSON())) as object,
      means: this.#means,
      classes: [...this.encoder!.classes],
    };
  }
}
