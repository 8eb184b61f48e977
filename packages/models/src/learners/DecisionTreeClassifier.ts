/// <reference path="./tree/ml-cart.d.ts" />
import { parseWith } from '@sextant/core';
import { DecisionTreeClassifier as CartClassifier } from 'ml-cart';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix } from '../Model.type.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import { classificationMetrics } from './classificationMetrics.js';
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
export class DecisionTreeClassifier extends BaseLearner<DecisionTreeClassifierState> {
  protected readonly fitLayout = 'row' as const;
  #cart: CartClassifier | undefined;
  #means: number[] = [];
  #encoder: ClassEncoder | undefined;

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
    model.#encoder = new ClassEncoder(json.state.classes);
    return model;
  }

  /** Class labels in probability order. */
  get classes(): readonly number[] {
    this.requireFitted();
    return this.#encoder!.classes;
  }

  /**
   * Class probabilities per row (leaf class frequencies).
   *
   * @param X - rows x features, or a FeatureFrame
   * @returns one probability array per row
   * @throws FeatureMismatchError as `predict`
   */
  predictProba(X: FeatureMatrix): Float64Array[] {
    const flat = this.#proba(this.input(X));
    const K = this.#encoder!.size;
    return Array.from({ length: flat.length / K }, (_, r) => flat.slice(r * K, (r + 1) * K));
  }

  protected override prepareTargets(y: Float64Array): void {
    this.#encoder = ClassEncoder.fit(y);
  }

  protected fitMatrix(m: Matrix, y: Float64Array, _ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof DecisionTreeConfigSchema>;
    this.#means = columnMeans(m);
    const cart = new CartClassifier({
      maxDepth: p.maxDepth,
      minNumSamples: p.minSamples,
      gainThreshold: p.gainThreshold,
    });
    cart.train(imputeRows(m, this.#means), Array.from(this.#encoder!.encode(y)));
    this.#cart = cart;
    return undefined;
  }

  #proba(m: Matrix): Float64Array {
    const K = this.#encoder!.size;
    const rows = imputeRows(m, this.#means);
    const out = new Float64Array(m.rows * K);
    rows.forEach((row, r) => {
      const dist = this.#cart!.root.classify(row);
      const probs = typeof dist === 'number' ? [dist] : dist.to1DArray();
      for (let k = 0; k < Math.min(K, probs.length); k++) out[r * K + k] = probs[k]!;
    });
    return out;
  }

  protected predictMatrix(m: Matrix): Float64Array {
    const proba = this.#proba(m);
    const { classes, size: K } = this.#encoder!;
    const out = new Float64Array(m.rows);
    for (let r = 0; r < m.rows; r++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (proba[r * K + k]! > proba[r * K + best]!) best = k;
      out[r] = classes[best]!;
    }
    return out;
  }

  protected evaluate(m: Matrix, y: Float64Array): Record<string, number> {
    return classificationMetrics(this.#proba(m), this.#encoder!.encode(y), this.#encoder!.size);
  }

  protected saveState(): DecisionTreeClassifierState {
    return {
      cart: JSON.parse(JSON.stringify(this.#cart!.toJSON())) as object,
      means: this.#means,
      classes: [...this.#encoder!.classes],
    };
  }
}
