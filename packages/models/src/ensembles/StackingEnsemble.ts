import { InvalidArgumentError } from '@sextant/core';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, Model, ModelManifest } from '../Model.type.js';
import { scoreRegression } from '../selection/scoreRegression.js';
import { featureMatrixRows, sliceFeatureMatrix } from '../walkforward/sliceFeatureMatrix.js';
import type { ModelLoader } from './ModelLoader.type.js';

/** One sub-model of a {@link StackingEnsemble}, reading the features of one timeframe. */
export interface StackingMember {
  /** Name, also the key of this member's features in the inputs, e.g. `1d`, `1h`, `5m`. */
  name: string;
  /** Timeframe of the features this member reads. */
  timeframe: string;
  /** The sub-model. */
  model: Model;
  /** True when the sub-model is already trained on its own timeframe; `fit` then trains only the master. @default false */
  pretrained?: boolean;
}

/** Per-member feature matrices, all aligned to the same base rows (key = member name). */
export type StackingInputs = Readonly<Record<string, FeatureMatrix>>;

/** Options of {@link StackingEnsemble.fit}. */
export interface StackingFitOptions {
  /** Share of the rows, the oldest, used to train sub-models that are not pretrained; the master trains on the rest. @default 0.5 */
  memberFraction?: number;
  /** Rows dropped between the two parts because labels overlap. @default 0 */
  purge?: number;
  /** Manifest fields to record (target, horizon, trainRange, featureHash). */
  manifest?: Partial<Pick<ModelManifest, 'target' | 'horizon' | 'trainRange' | 'featureHash'>>;
}

/** Serialised {@link StackingEnsemble}. */
export interface StackingEnsembleJSON {
  kind: 'stacking-ensemble';
  version: 1;
  manifest: ModelManifest;
  members: { name: string; timeframe: string; model: unknown }[];
  master: unknown;
}

/**
 * A master model over sub-models trained on different timeframes, as the
 * reference master trainer stacks daily, hourly and 5-minute models for each
 * horizon: the master's features are the sub-models' predictions. Inputs are
 * one feature matrix per member, all aligned to the base rows (the caller
 * forward-fills higher-timeframe features from the last closed candle).
 * Sub-models not marked `pretrained` are trained on the older part of the
 * rows and the master on their out-of-sample predictions over the newer part
 * (blending), so the master never sees in-sample sub-model outputs. Build
 * one ensemble per horizon.
 *
 * @example
 * ```ts
 * import { StackingEnsemble, LinearRegressor } from '@sextant/models';
 * const stack = new StackingEnsemble(
 *   [{ name: '1d', timeframe: '1d', model: daily, pretrained: true }, { name: '5m', timeframe: '5m', model: new LinearRegressor() }],
 *   new LinearRegressor(),
 * );
 * await stack.fit({ '1d': dailyAligned, '5m': fiveMin }, y, { manifest: { horizon: '1h', target: 'ret_1h' } });
 * stack.predict({ '1d': dailyNow, '5m': fiveMinNow });
 * ```
 */
export class StackingEnsemble {
  /** Manifest of the stack (feature names are the member names). */
  readonly manifest: ModelManifest;
  #members: StackingMember[];
  #master: Model;

  /**
   * @param members - sub-models with unique names
   * @param master - the model trained on the sub-models' predictions
   * @throws InvalidArgumentError on no members or duplicate names
   */
  constructor(members: readonly StackingMember[], master: Model) {
    if (members.length === 0) throw new InvalidArgumentError('StackingEnsemble needs at least one member, got 0');
    if (new Set(members.map((m) => m.name)).size !== members.length) {
      throw new InvalidArgumentError(
        `StackingEnsemble member names must be unique, got ${members.map((m) => m.name).join(', ')}`,
      );
    }
    this.#members = [...members];
    this.#master = master;
    this.manifest = {
      kind: 'stacking-ensemble',
      version: 1,
      featureNames: members.map((m) => m.name),
      featureHash: '',
      target: '',
      horizon: '',
      trainedAt: '',
      trainRange: [0, 0],
      metrics: {},
      params: { members: members.map((m) => ({ name: m.name, timeframe: m.timeframe })) },
    };
  }

  /** The master model. */
  get master(): Model {
    return this.#master;
  }

  /**
   * Train sub-models (unless pretrained) on the older rows and the master on
   * their predictions over the newer rows.
   *
   * @param inputs - one feature matrix per member, aligned row by row
   * @param y - target per base row
   * @param options - split share, purge, manifest fields
   * @returns this
   * @throws InvalidArgumentError on a missing member input, misaligned rows, or a split leaving no rows
   */
  async fit(inputs: StackingInputs, y: ArrayLike<number>, options: StackingFitOptions = {}): Promise<this> {
    const rows = this.#rows(inputs);
    if (y.length !== rows) throw new InvalidArgumentError(`y has ${y.length} values, the inputs have ${rows} rows`);
    const fraction = options.memberFraction ?? 0.5;
    const purge = options.purge ?? 0;
    const allPretrained = this.#members.every((m) => m.pretrained);
    if (!allPretrained && !(fraction > 0 && fraction < 1)) {
      throw new InvalidArgumentError(`memberFraction must be in (0, 1), got ${fraction}`);
    }
    const split = allPretrained ? 0 : Math.floor(rows * fraction);
    const masterStart = allPretrained ? 0 : split + purge;
    if (!allPretrained && (split < 2 || rows - masterStart < 2)) {
      throw new InvalidArgumentError(`${rows} rows are too few to split at ${fraction} with purge ${purge}`);
    }
    const yArr = Array.from(y);
    for (const m of this.#members) {
      if (m.pretrained) continue;
      // Members keep the feature hash of their own timeframe's frame; only target and horizon are shared.
      const { target, horizon } = options.manifest ?? {};
      await m.model.fit(sliceFeatureMatrix(inputs[m.name]!, 0, split), yArr.slice(0, split), {
        manifest: { ...(target !== undefined ? { target } : {}), ...(horizon !== undefined ? { horizon } : {}) },
      });
    }
    const level1 = this.#level1(inputs, masterStart, rows);
    const yMaster = yArr.slice(masterStart);
    await this.#master.fit(level1, yMaster, { featureNames: this.#members.map((m) => m.name) });
    const fitted = scoreRegression(yMaster, this.#master.predict(level1));
    Object.assign(this.manifest, {
      target: options.manifest?.target ?? this.#master.manifest.target,
      horizon: options.manifest?.horizon ?? this.#master.manifest.horizon,
      featureHash: options.manifest?.featureHash ?? '',
      trainRange: options.manifest?.trainRange ?? [0, 0],
      trainedAt: new Date().toISOString(),
      metrics: { masterInSampleMae: fitted.mae, masterRows: yMaster.length },
    });
    return this;
  }

  /**
   * The master's prediction from the sub-models' predictions.
   *
   * @param inputs - one feature matrix per member, aligned row by row
   * @returns one value per row
   * @throws InvalidArgumentError on a missing member input or misaligned rows
   */
  predict(inputs: StackingInputs): Float64Array {
    const rows = this.#rows(inputs);
    return this.#master.predict(this.#level1(inputs, 0, rows));
  }

  /**
   * Each member's prediction per row (the master's inputs), by member name.
   *
   * @param inputs - one feature matrix per member, aligned row by row
   * @returns predictions per member
   */
  predictMembers(inputs: StackingInputs): Record<string, Float64Array> {
    this.#rows(inputs);
    return Object.fromEntries(this.#members.map((m) => [m.name, m.model.predict(inputs[m.name]!)]));
  }

  /** @returns the members', master's and manifest's snapshots */
  toJSON(): StackingEnsembleJSON {
    return {
      kind: 'stacking-ensemble',
      version: 1,
      manifest: structuredClone(this.manifest),
      members: this.#members.map((m) => ({ name: m.name, timeframe: m.timeframe, model: m.model.toJSON() })),
      master: this.#master.toJSON(),
    };
  }

  /**
   * Restore a stack saved with {@link StackingEnsemble.toJSON}.
   *
   * @param json - the snapshot
   * @param load - restores each model from its snapshot
   * @returns the stack (members marked pretrained)
   * @throws ModelError when the snapshot is malformed
   */
  static fromJSON(json: unknown, load: ModelLoader): StackingEnsemble {
    const j = json as Partial<StackingEnsembleJSON> | null;
    if (j?.kind !== 'stacking-ensemble' || !Array.isArray(j.members) || j.master === undefined) {
      throw new ModelError(`Not a stacking ensemble snapshot: ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    const s = new StackingEnsemble(
      j.members.map((m) => ({ name: m.name, timeframe: m.timeframe, model: load(m.model), pretrained: true })),
      load(j.master),
    );
    Object.assign(s.manifest, j.manifest);
    return s;
  }

  #rows(inputs: StackingInputs): number {
    let rows = -1;
    for (const m of this.#members) {
      const X = inputs[m.name];
      if (X === undefined) throw new InvalidArgumentError(`Stacking inputs have no features for member "${m.name}"`);
      const n = featureMatrixRows(X);
      if (rows >= 0 && n !== rows) {
        throw new InvalidArgumentError(
          `Stacking input "${m.name}" has ${n} rows, the others ${rows}: align them to the base rows`,
        );
      }
      rows = n;
    }
    return rows;
  }

  #level1(inputs: StackingInputs, from: number, to: number): number[][] {
    const preds = this.#members.map((m) => m.model.predict(sliceFeatureMatrix(inputs[m.name]!, from, to)));
    return Array.from({ length: to - from }, (_, r) => preds.map((p) => p[r]!));
  }
}
