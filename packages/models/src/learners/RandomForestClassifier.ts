import { parseWith } from '@sextant/core';
import type { z } from 'zod';
import type { Matrix } from '../data/Matrix.type.js';
import { ModelError } from '../errors/ModelError.js';
import { parseXGBoostJSON } from '../xgboost/parseXGBoostJSON.js';
import { TreeEnsemble } from '../xgboost/TreeEnsemble.js';
import { toXGBoostJSON } from '../xgboost/toXGBoostJSON.js';
import { BaseClassifier } from './BaseClassifier.js';
import type { FitContext } from './BaseLearner.js';
import { ClassEncoder } from './ClassEncoder.js';
import type { GbdtState } from './GbdtState.type.js';
import type { LearnerJSON } from './LearnerJSON.type.js';
import { featuresPerSplit, type RandomForestConfig, RandomForestConfigSchema } from './RandomForestConfigSchema.js';
import { trainForest } from './forest/trainForest.js';

/**
 * Random forest classification on typed arrays. Each class gets probability
 * trees fit to its 0/1 indicator (squared error on an indicator is the Gini
 * criterion); for two classes one set of trees estimates P(second class),
 * for more, per-class estimates are normalised to sum to 1. `predict`
 * returns labels, `predictProba` probabilities in ascending label order.
 *
 * @example
 * ```ts
 * import { RandomForestClassifier } from '@sextant/models';
 * const rf = new RandomForestClassifier({ nEstimators: 100, seed: 1 }).fit(X, labels);
 * rf.predictProba(testX)[0];
 * ```
 */
export class RandomForestClassifier extends BaseClassifier<GbdtState> {
  protected readonly fitLayout = 'col' as const;
  #ensemble: TreeEnsemble | undefined;
  #state: GbdtState | undefined;

  /**
   * @param config - forest parameters, see {@link RandomForestConfigSchema} (maxFeatures defaults to 'sqrt')
   * @throws ConfigError on an out-of-range or unknown option
   */
  constructor(config: RandomForestConfig = {}) {
    const c = parseWith(RandomForestConfigSchema, config);
    super('random-forest-classifier', 1, { ...c }, c.trustMargin);
  }

  /**
   * Restore a model saved with `toJSON()`.
   *
   * @param json - the snapshot
   * @returns the model
   * @throws ModelError when the snapshot is not a random forest classifier
   */
  static fromJSON(json: LearnerJSON<GbdtState>): RandomForestClassifier {
    if (json?.manifest?.kind !== 'random-forest-classifier' || !Array.isArray(json.state?.classes)) {
      throw new ModelError(`Expected a "random-forest-classifier" snapshot, got "${String(json?.manifest?.kind)}"`);
    }
    const model = new RandomForestClassifier(json.manifest.params as RandomForestConfig);
    model.restoreBase(json);
    model.#state = json.state;
    model.encoder = new ClassEncoder(json.state.classes);
    model.#ensemble = parseXGBoostJSON(json.state.xgboost).ensemble;
    return model;
  }

  protected fitMatrix(m: Matrix, y: Float64Array, ctx: FitContext): undefined {
    const p = this.manifest.params as z.output<typeof RandomForestConfigSchema>;
    const enc = this.encoder!;
    const idx = enc.encode(y);
    const K = enc.size;
    const outputs = K === 2 ? [1] : Array.from({ length: K }, (_, k) => k);
    const targets = outputs.map((k) => Float64Array.from(idx, (c) => (c === k ? 1 : 0)));
    const { trees, treeGroup } = trainForest(m, targets, ctx.weight, {
      ...p,
      featuresPerSplit: featuresPerSplit(p.maxFeatures, m.cols, 'sqrt'),
    });
    const numGroup = outputs.length;
    const spec = {
      trees,
      treeGroup,
      numGroup,
      numFeature: m.cols,
      baseMargin: new Array<number>(numGroup).fill(0),
      objective: 'reg:squarederror' as const,
    };
    this.#ensemble = new TreeEnsemble(spec);
    const xgboost = toXGBoostJSON(spec, { baseScore: 0, numClass: numGroup === 1 ? 0 : numGroup });
    this.#state = { xgboost, classes: [...enc.classes], rounds: p.nEstimators, history: [] };
    return undefined;
  }

  /** Row-major probabilities rows x K. */
  protected probaMatrix(m: Matrix): Float64Array {
    const K = this.encoder!.size;
    const raw = this.#ensemble!.predictMargins(m);
    const out = new Float64Array(m.rows * K);
    for (let r = 0; r < m.rows; r++) {
      if (K === 2) {
        const p1 = Math.min(1, Math.max(0, raw[r]!));
        out[2 * r] = 1 - p1;
        out[2 * r + 1] = p1;
        continue;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.max(0, raw[r * K + k]!);
      for (let k = 0; k < K; k++) out[r * K + k] = sum > 0 ? Math.max(0, raw[r * K + k]!) / sum : 1 / K;
    }
    return out;
  }

  protected saveState(): GbdtState {
    return this.#state!;
  }
}
