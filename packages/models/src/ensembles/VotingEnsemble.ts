import { InvalidArgumentError } from '@sextant/core';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, FitOptions, Model, ModelManifest, PredictionResult } from '../Model.type.js';
import type { ModelLoader } from './ModelLoader.type.js';
import { memberScore } from './memberScore.js';

/** One member of a {@link VotingEnsemble}. */
export interface VotingMember {
  /** Name recorded in the manifest and snapshot. */
  name: string;
  /** The model (trained, or trained by the ensemble's `fit`). */
  model: Model;
}

/** Options of {@link VotingEnsemble}. */
export interface VotingEnsembleOptions {
  /** `regression` averages `predict`; `classification` averages `predictProba` and scores by log-loss. @default 'regression' */
  task?: 'regression' | 'classification';
  /** Weights proportional to `1 / score ** power`; 0 gives equal weights. @default 1 */
  power?: number;
}

/** Serialised {@link VotingEnsemble}. */
export interface VotingEnsembleJSON {
  kind: 'voting-ensemble';
  version: 1;
  manifest: ModelManifest;
  task: 'regression' | 'classification';
  power: number;
  weights: number[];
  members: { name: string; model: unknown }[];
}

/**
 * A weighted vote of models: the weighted mean of the members' predictions
 * (or class probabilities), with weights from validation scores, inverse
 * MAE (regression) or inverse log-loss (classification), normalised to sum
 * to 1. Without validation data the weights are equal. `predictSpread` gives
 * the members' weighted standard deviation per row, for {@link confidence}.
 *
 * @example
 * ```ts
 * import { VotingEnsemble, LinearRegressor, GradientBoostingRegressor } from '@sextant/models';
 * const vote = new VotingEnsemble([
 *   { name: 'ridge', model: new LinearRegressor() },
 *   { name: 'gbdt', model: new GradientBoostingRegressor({ seed: 1 }) },
 * ]);
 * await vote.fit(Xtrain, yTrain, { validation: { X: Xval, y: yVal } });
 * vote.weights; // e.g. [0.45, 0.55]
 * ```
 */
export class VotingEnsemble implements Model {
  readonly manifest: ModelManifest;
  #members: VotingMember[];
  #weights: Float64Array;
  #task: 'regression' | 'classification';
  #power: number;

  /**
   * @param members - at least one named model
   * @param options - task and weighting power
   * @throws InvalidArgumentError on no members, duplicate names, or a negative power
   */
  constructor(members: readonly VotingMember[], options: VotingEnsembleOptions = {}) {
    if (members.length === 0) throw new InvalidArgumentError('VotingEnsemble needs at least one member, got 0');
    const names = new Set(members.map((m) => m.name));
    if (names.size !== members.length)
      throw new InvalidArgumentError(
        `VotingEnsemble member names must be unique, got ${members.map((m) => m.name).join(', ')}`,
      );
    const power = options.power ?? 1;
    if (!(power >= 0) || !Number.isFinite(power)) throw new InvalidArgumentError(`power must be >= 0, got ${power}`);
    this.#members = [...members];
    this.#task = options.task ?? 'regression';
    this.#power = power;
    this.#weights = new Float64Array(members.length).fill(1 / members.length);
    const first = members[0]!.model.manifest;
    this.manifest = {
      kind: 'voting-ensemble',
      version: 1,
      featureNames: [...first.featureNames],
      featureHash: first.featureHash,
      target: first.target,
      horizon: first.horizon,
      trainedAt: first.trainedAt,
      trainRange: [...first.trainRange],
      metrics: {},
      params: { task: this.#task, power, members: members.map((m) => m.name) },
    };
  }

  /** Normalised member weights, in member order. */
  get weights(): readonly number[] {
    return Array.from(this.#weights);
  }

  /** Member names, in order. */
  get memberNames(): readonly string[] {
    return this.#members.map((m) => m.name);
  }

  /**
   * Train every member on `X, y`, then weight them by their scores on
   * `options.validation` (equal weights without it).
   *
   * @param X - training features
   * @param y - training targets
   * @param options - fit options passed to each member; `validation` also sets the weights
   * @returns this
   */
  async fit(X: FeatureMatrix, y: ArrayLike<number>, options: FitOptions = {}): Promise<this> {
    for (const m of this.#members) await m.model.fit(X, y, options);
    this.#syncManifest();
    if (options.validation) this.weigh(options.validation.X, options.validation.y);
    return this;
  }

  /**
   * Set the weights from validation scores of the (already trained) members.
   *
   * @param X - validation features (after the training rows)
   * @param y - validation targets
   * @returns the scores per member (MAE or log-loss)
   * @throws ModelError when a member cannot be scored
   */
  weigh(X: FeatureMatrix, y: ArrayLike<number>): number[] {
    const scores = this.#members.map((m) => memberScore(m.model, X, y, this.#task));
    const raw = scores.map((s) => (this.#power === 0 ? 1 : 1 / Math.max(s, 1e-12) ** this.#power));
    const total = raw.reduce((a, b) => a + b, 0);
    this.#weights = Float64Array.from(raw, (r) => r / total);
    this.#members.forEach((m, i) => {
      this.manifest.metrics[`${this.#task === 'regression' ? 'mae' : 'logloss'}_${m.name}`] = scores[i]!;
      this.manifest.metrics[`weight_${m.name}`] = this.#weights[i]!;
    });
    return scores;
  }

  /**
   * Weighted mean of the members' predictions (classification: the index of
   * the most probable class of the averaged probabilities, in the members'
   * class order).
   *
   * @param X - features
   * @returns one value per row
   * @throws FeatureMismatchError from a member refusing the features
   */
  predict(X: FeatureMatrix): Float64Array {
    if (this.#task === 'classification') {
      const proba = this.predictProba(X);
      return Float64Array.from(proba, (p) => p.indexOf(Math.max(...p)));
    }
    return this.predictSpread(X).mean;
  }

  /**
   * Weighted mean and weighted standard deviation of the members' predictions.
   *
   * @param X - features
   * @returns `mean` and `std` per row
   */
  predictSpread(X: FeatureMatrix): { mean: Float64Array; std: Float64Array } {
    const preds = this.#members.map((m) => m.model.predict(X));
    const rows = preds[0]!.length;
    const mean = new Float64Array(rows);
    const std = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let mu = 0;
      for (let k = 0; k < preds.length; k++) mu += this.#weights[k]! * preds[k]![r]!;
      let v = 0;
      for (let k = 0; k < preds.length; k++) v += this.#weights[k]! * (preds[k]![r]! - mu) ** 2;
      mean[r] = mu;
      std[r] = Math.sqrt(v);
    }
    return { mean, std };
  }

  /**
   * Predictions, trusted only where every member that reports trust does.
   *
   * @param X - features
   * @returns values and trust flags
   */
  predictWithTrust(X: FeatureMatrix): PredictionResult {
    const values = this.predict(X);
    const trusted = Uint8Array.from(values, (v) => (Number.isFinite(v) ? 1 : 0));
    for (const m of this.#members) {
      const t = m.model.predictWithTrust?.(X).trusted;
      if (t) for (let r = 0; r < t.length; r++) if (!t[r]) trusted[r] = 0;
    }
    return { values, trusted };
  }

  /**
   * Weighted mean of the members' class probabilities.
   *
   * @param X - features
   * @returns one probability vector per row
   * @throws ModelError when a member has no predictProba
   */
  predictProba(X: FeatureMatrix): Float64Array[] {
    const all = this.#members.map((m) => {
      if (!m.model.predictProba) throw new ModelError(`Member "${m.name}" has no predictProba`);
      return m.model.predictProba(X);
    });
    return all[0]!.map((row, r) => {
      const out = new Float64Array(row.length);
      all.forEach((p, k) => {
        for (let c = 0; c < out.length; c++) out[c]! += this.#weights[k]! * p[r]![c]!;
      });
      return out;
    });
  }

  /** @returns the members' snapshots, weights and manifest */
  toJSON(): VotingEnsembleJSON {
    return {
      kind: 'voting-ensemble',
      version: 1,
      manifest: structuredClone(this.manifest),
      task: this.#task,
      power: this.#power,
      weights: Array.from(this.#weights),
      members: this.#members.map((m) => ({ name: m.name, model: m.model.toJSON() })),
    };
  }

  /**
   * Restore an ensemble saved with {@link VotingEnsemble.toJSON}.
   *
   * @param json - the snapshot
   * @param load - restores each member from its snapshot
   * @returns the ensemble, predicting exactly as before
   * @throws ModelError when the snapshot is malformed
   */
  static fromJSON(json: unknown, load: ModelLoader): VotingEnsemble {
    const j = json as Partial<VotingEnsembleJSON> | null;
    if (
      j?.kind !== 'voting-ensemble' ||
      !Array.isArray(j.members) ||
      !Array.isArray(j.weights) ||
      j.weights.length !== j.members.length
    ) {
      throw new ModelError(`Not a voting ensemble snapshot: ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    const e = new VotingEnsemble(
      j.members.map((m) => ({ name: m.name, model: load(m.model) })),
      { task: j.task ?? 'regression', power: j.power ?? 1 },
    );
    e.#weights = Float64Array.from(j.weights);
    Object.assign(e.manifest, j.manifest);
    return e;
  }

  #syncManifest(): void {
    const first = this.#members[0]!.model.manifest;
    Object.assign(this.manifest, {
      featureNames: [...first.featureNames],
      featureHash: first.featureHash,
      target: first.target,
      horizon: first.horizon,
      trainedAt: first.trainedAt,
      trainRange: [...first.trainRange],
    });
  }
}
