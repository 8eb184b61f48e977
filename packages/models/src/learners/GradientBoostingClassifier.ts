import { parseWith } from '@sextant/core';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { parseXGBoostJSON } from '../xgboost/parseXGBoostJSON.js';
import { TreeEnsemble } from '../xgboost/TreeEnsemble.js';
import { toXGBoostJSON } from '../xgboost/toXGBoostJSON.js';
import type { XGBoostJSON } from '../xgboost/XGBoostJSON.type.js';
import { BaseClassifier } from './BaseClassifier.js';
import type { FitContext } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import type { GbdtState } from './GbdtState.type.js';
import { type GradientBoostingConfig, GradientBoostingConfigSchema } from './GradientBoostingConfigSchema.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { trainGbdt } from './gbdt/trainGbdt.js';

/**
 * Histogram gradient boosting for classification: binary logistic
 * (xgboost `binary:logistic`) for two classes, softmax (`multi:softprob`,
 * one tree per class per round) for more. Labels may be any numbers
 * (e.g. -1/0/1); `predict` returns labels, `predictProba` one probability per
 * class in ascending label order. Exports to xgboost's JSON format.
 *
 * @example
 * ```ts
 * import { GradientBoostingClassifier } from '@sextant/models';
 * const clf = new GradientBoostingClassifier({ nEstimators: 100, maxDepth: 4, learningRate: 0.1 }).fit(X, labels);
 * clf.predictProba(testX)[0]; // Float64Array [p(-1), p(0), p(1)]
 * ```
 */
export class GradientBoostingClassifier extends BaseClassifier<GbdtState> {
  protected readonly fitLayout = 'col' as const;
  #ensemble: TreeEnsemble | undefined;
  #state: GbdtState | undefined;

  /**
   * @param config - boosting parameters, see {@link GradientBoostingConfigSchema} for defaults
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: GradientBoostingConfig = {}) {
    const c = parseWith(GradientBoostingConfigSchema, config);
    super('gbdt-classifier', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a gbdt classifier
   */
  static fromJSON(json: LearnerJSON<GbdtState>): GradientBoostingClassifier {
    if (json?.manifest?.kind !== 'gbdt-classifier' || !Array.isArray(json.state?.classes)) {
      throw new ModelError(`Expected a "gbdt-classifier" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new GradientBoostingClassifier(json.manifest.params as GradientBoostingConfig);
    model.restoreBase(json);
    model.#state = json.state;
    model.encoder = new ClassEncoder(json.state.classes);
    model.#ensemble = parseXGBoostJSON(json.state.xgboost).ensemble;
    return model;
  }

  /** The fitted float32 tree evaluator (margins). */
  get ensemble(): TreeEnsemble {
    this.requireFitted();
    return this.#ensemble!;
  }

  /** Validation log-loss per round, empty when fit without validation. */
  get history(): readonly number[] {
    return this.#state?.history ?? [];
  }

  /** The model in xgboost's JSON format (`binary:logistic` or `multi:softprob`), loadable by native xgboost. */
  toXGBoostJSON(): XGBoostJSON {
    this.requireFitted();
    const x = this.#state!.xgboost;
    const names = this.manifest.featureNames;
    return { ...x, learner: { ...x.learner, feature_names: [...names], feature_types: names.map(() => 'float') } };
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof GradientBoostingConfigSchema>;
    const enc = this.encoder!;
    const K = enc.size;
    const validation = ctx.validation && { X: ctx.validation.X, y: enc.encode(ctx.validation.y, 'validation.y') };
    const loss = K === 2 ? 'logistic' : 'softmax';
    const r = trainGbdt(m, enc.encode(y), K === 2 ? 1 : K, loss, ctx.weight, validation, p);
    const objective = K === 2 ? ('binary:logistic' as const) : ('multi:softprob' as const);
    const spec = {
      trees: r.trees,
      treeGroup: r.treeGroup,
      numGroup: K === 2 ? 1 : K,
      numFeature: m.cols,
      baseMargin: r.baseMargin,
      objective,
    };
    this.#ensemble = new TreeEnsemble(spec);
    const xgboost = toXGBoostJSON(spec, { baseScore: r.baseScore, numClass: K === 2 ? 0 : K });
    this.#state = { xgboost, classes: [...enc.classes], rounds: r.rounds, history: r.history };
    return undefined;
  }

  /** Row-major probabilities rows x K. */
  protected probaMatrix(m: Matrix): Float64Array {
    const e = this.#ensemble!;
    const flat = e.predict(m);
    if (e.spec.numGroup > 1) return flat;
    const out = new Float64Array(m.rows * 2);
    for (let r = 0; r < m.rows; r++) {
      out[2 * r] = 1 - flat[r]!;
      out[2 * r + 1] = flat[r]!;
    }
    return out;
  }

  protected saveState(): GbdtState {
    return this.#state!;
  }
}
