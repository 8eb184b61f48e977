import { parseWith } from '@sextant/core';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix } from '../Model.type.js';
import { parseXGBoostJSON } from '../xgboost/parseXGBoostJSON.js';
import { TreeEnsemble } from '../xgboost/TreeEnsemble.js';
import { toXGBoostJSON } from '../xgboost/toXGBoostJSON.js';
import type { XGBoostJSON } from '../xgboost/XGBoostJSON.type.js';
import { BaseLearner, type FitContext } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import { classificationMetrics } from './classificationMetrics.js';
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
export class GradientBoostingClassifier extends BaseLearner<GbdtState> {
  protected readonly fitLayout = 'col' as const;
  #ensemble: TreeEnsemble | undefined;
  #state: GbdtState | undefined;
  #encoder: ClassEncoder | undefined;

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
    model.#encoder = new ClassEncoder(json.state.classes);
    model.#ensemble = parseXGBoostJSON(json.state.xgboost).ensemble;
    return model;
  }

  /** Class labels in probability order. */
  get classes(): readonly number[] {
    this.requireFitted();
    return this.#encoder!.classes;
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

  /**
   * Class probabilities per row, in {@link GradientBoostingClassifier.classes} order.
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

  /** The model in xgboost's JSON format (`binary:logistic` or `multi:softprob`), loadable by native xgboost. */
  toXGBoostJSON(): XGBoostJSON {
    this.requireFitted();
    const x = this.#state!.xgboost;
    const names = this.manifest.featureNames;
    return { ...x, learner: { ...x.learner, feature_names: [...names], feature_types: names.map(() => 'float') } };
  }

  protected override prepareTargets(y: Float64Array): void {
    this.#encoder = ClassEncoder.fit(y);
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof GradientBoostingConfigSchema>;
    const enc = this.#encoder!;
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
  #proba(m: Matrix): Float64Array {
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

  protected saveState(): GbdtState {
    return this.#state!;
  }
}
