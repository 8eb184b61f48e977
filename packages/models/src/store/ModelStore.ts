import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from '@sextant/core';
import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import type { Model } from '../Model.type.js';
import { ModelStoreError } from './ModelStoreError.js';
import type { StorableModel, StoredManifest, StoredModelInfo } from './StoredModel.type.js';

/** Options of {@link ModelStore}. */
export interface ModelStoreOptions<M extends StorableModel> {
  /** Root directory (the `models/` folder). */
  root: string;
  /** Restores a model from `model.json`; `dir` holds any extra files saved with it. */
  load: (json: unknown, dir: string) => M | Promise<M>;
  /** Versions kept per symbol and horizon besides the promoted one and the one before it. @default 5 */
  keep?: number;
}

/** Options of {@link ModelStore.save}. */
export interface SaveModelOptions {
  /** Extra files to store beside `model.json` (name -> contents). */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** Promote the new version at once. @default false */
  promote?: boolean;
  /** Free-form note recorded in the manifest. */
  note?: string;
}

/** Options of {@link ModelStore.load}. */
export interface LoadModelOptions {
  /** Which version: a number, `current` (the promoted one) or `latest`. @default 'current' */
  version?: number | 'current' | 'latest';
  /** Feature hash of the live pipeline; a model trained on another is refused. */
  featureHash?: string;
}

interface State {
  promoted: number | null;
  history: number[];
}

const SAFE = /^[A-Za-z0-9._-]+$/;

/**
 * Versioned model bundles on disk: `{root}/{symbol}/{horizon}/v{n}/` holds
 * `model.json`, `manifest.json` and any extra files; `{symbol}/{horizon}/state.json`
 * records which version is promoted and the promotion history. Versions are
 * written to a temporary directory and renamed into place, so a crash never
 * leaves a half-written version. Loading checks the SHA-256 of `model.json`
 * and the feature hash against the live pipeline. `manifest.json` records
 * the store keys as `symbol` and `horizon`. Symbols are stored with
 * `/` and `:` replaced by `_` (`ETH/BTC` -> `ETH_BTC`).
 *
 * @example
 * ```ts
 * import { type LearnerJSON, LinearRegressor, ModelStore } from '@sextant/models';
 * const store = new ModelStore({ root: 'models', load: (json) => LinearRegressor.fromJSON(json as LearnerJSON<never>), keep: 5 });
 * const { version } = await store.save('ETH/BTC', '1h', model);
 * await store.promote('ETH/BTC', '1h', version);
 * const { model: live } = await store.load('ETH/BTC', '1h', { featureHash: frame.hash });
 * ```
 */
export class ModelStore<M extends StorableModel = Model> {
  readonly root: string;
  #load: ModelStoreOptions<M>['load'];
  #keep: number;

  /**
   * @param options - root, loader and retention
   * @throws InvalidArgumentError when `keep` is not an integer >= 1
   */
  constructor(options: ModelStoreOptions<M>) {
    const keep = options.keep ?? 5;
    if (!Number.isInteger(keep) || keep < 1)
      throw new InvalidArgumentError(`keep must be an integer >= 1, got ${keep}`);
    this.root = resolve(options.root);
    this.#load = options.load;
    this.#keep = keep;
  }

  /**
   * Store a model as the next version, then apply the retention policy.
   *
   * @param symbol - market, e.g. `ETH/BTC`
   * @param horizon - forecast horizon, e.g. `1h`
   * @param model - the model
   * @param options - extra files, promote at once, note
   * @returns the stored version
   * @throws InvalidArgumentError on an unsafe symbol, horizon or file name
   * @throws ModelStoreError (`STORAGE_IO`) when the disk refuses
   */
  async save(symbol: string, horizon: string, model: M, options: SaveModelOptions = {}): Promise<StoredModelInfo> {
    const base = this.#dir(symbol, horizon);
    const files = Object.entries(options.files ?? {});
    for (const [name] of files) {
      if (!SAFE.test(name) || name === 'model.json' || name === 'manifest.json') {
        throw new InvalidArgumentError(`Extra model file name ${JSON.stringify(name)} is not allowed`);
      }
    }
    const body = JSON.stringify(model.toJSON());
    const tmp = join(base, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    return this.#io(`save ${symbol} ${horizon}`, async () => {
      await mkdir(tmp, { recursive: true });
      await writeFile(join(tmp, 'model.json'), body);
      for (const [name, data] of files) await writeFile(join(tmp, name), data);
      for (let attempt = 0; ; attempt++) {
        const version = Math.max(0, ...(await this.versions(symbol, horizon))) + 1;
        const manifest: StoredManifest = {
          ...structuredClone(model.manifest),
          symbol,
          horizon,
          storeVersion: version,
          savedAt: new Date().toISOString(),
          sha256: createHash('sha256').update(body).digest('hex'),
          files: files.map(([n]) => n),
          ...(options.note !== undefined ? { note: options.note } : {}),
        };
        await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
        try {
          await rename(tmp, join(base, `v${version}`));
        } catch (e) {
          if (attempt < 20 && ['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) continue;
          throw e;
        }
        if (options.promote) await this.promote(symbol, horizon, version);
        await this.applyRetention(symbol, horizon);
        return { version, dir: join(base, `v${version}`), manifest };
      }
    });
  }

  /**
   * Stored version numbers, ascending.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @returns the versions (empty when none)
   */
  async versions(symbol: string, horizon: string): Promise<number[]> {
    const base = this.#dir(symbol, horizon);
    const names = await readdir(base).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw new ModelStoreError('STORAGE_IO', `Cannot list model versions in "${base}": ${e.message}`, { cause: e });
    });
    return names
      .map((n) => /^v(\d+)$/.exec(n)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /**
   * The newest stored version, promoted or not.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @returns its info, or undefined when none is stored
   * @throws ModelStoreError (`STORAGE_CORRUPT`) when its manifest is unreadable
   */
  async latest(symbol: string, horizon: string): Promise<StoredModelInfo | undefined> {
    const v = (await this.versions(symbol, horizon)).at(-1);
    return v === undefined ? undefined : this.info(symbol, horizon, v);
  }

  /**
   * The promoted version (what `load` returns by default).
   *
   * @param symbol - market
   * @param horizon - horizon
   * @returns its info, or undefined when nothing is promoted
   */
  async current(symbol: string, horizon: string): Promise<StoredModelInfo | undefined> {
    const { promoted } = await this.#state(symbol, horizon);
    return promoted === null ? undefined : this.info(symbol, horizon, promoted);
  }

  /**
   * Manifest and directory of one version.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @param version - version number
   * @returns its info
   * @throws InvalidArgumentError when the version does not exist
   * @throws ModelStoreError (`STORAGE_CORRUPT`) when its manifest is unreadable
   */
  async info(symbol: string, horizon: string, version: number): Promise<StoredModelInfo> {
    const dir = join(this.#dir(symbol, horizon), `v${version}`);
    const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT')
        throw new InvalidArgumentError(`No model version ${version} for ${symbol} ${horizon} in "${this.root}"`);
      throw new ModelStoreError('STORAGE_IO', `Cannot read "${join(dir, 'manifest.json')}": ${e.message}`, {
        cause: e,
      });
    });
    try {
      const manifest = JSON.parse(text) as StoredManifest;
      if (manifest.storeVersion !== version || typeof manifest.sha256 !== 'string') throw new Error('missing fields');
      return { version, dir, manifest };
    } catch (cause) {
      throw new ModelStoreError(
        'STORAGE_CORRUPT',
        `Model manifest "${join(dir, 'manifest.json')}" is corrupt: ${text.slice(0, 60)}`,
        { cause },
      );
    }
  }

  /**
   * Make a version the one `load` returns by default.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @param version - an existing version
   * @throws InvalidArgumentError when the version does not exist
   */
  async promote(symbol: string, horizon: string, version: number): Promise<void> {
    await this.info(symbol, horizon, version);
    const state = await this.#state(symbol, horizon);
    if (state.promoted === version) return;
    await this.#writeState(symbol, horizon, { promoted: version, history: [...state.history, version] });
  }

  /**
   * Promote the version that was promoted before the current one.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @returns the version now promoted
   * @throws InvalidArgumentError when there is no earlier promotion to go back to
   */
  async rollback(symbol: string, horizon: string): Promise<StoredModelInfo> {
    const state = await this.#state(symbol, horizon);
    const history = [...state.history];
    const existing = new Set(await this.versions(symbol, horizon));
    history.pop();
    while (history.length > 0 && !existing.has(history.at(-1)!)) history.pop();
    const back = history.at(-1);
    if (back === undefined) {
      throw new InvalidArgumentError(
        `No earlier promoted model to roll back to for ${symbol} ${horizon} (promoted: ${state.promoted})`,
      );
    }
    await this.#writeState(symbol, horizon, { promoted: back, history });
    return this.info(symbol, horizon, back);
  }

  /**
   * Load a stored model, checking its file against the recorded SHA-256 and
   * its feature hash against the live pipeline's.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @param options - which version, and the live feature hash
   * @returns the model and its stored info
   * @throws InvalidArgumentError when nothing matching is stored
   * @throws FeatureMismatchError when `featureHash` differs from the model's
   * @throws ModelStoreError (`STORAGE_CORRUPT`) when `model.json` does not match its checksum or is not JSON
   */
  async load(
    symbol: string,
    horizon: string,
    options: LoadModelOptions = {},
  ): Promise<{ model: M; info: StoredModelInfo }> {
    const which = options.version ?? 'current';
    const info =
      typeof which === 'number'
        ? await this.info(symbol, horizon, which)
        : which === 'latest'
          ? await this.latest(symbol, horizon)
          : await this.current(symbol, horizon);
    if (!info) throw new InvalidArgumentError(`No ${which} model for ${symbol} ${horizon} in "${this.root}"`);
    const { manifest, dir } = info;
    if (options.featureHash !== undefined && manifest.featureHash !== options.featureHash) {
      throw new FeatureMismatchError(
        `Stored model ${symbol} ${horizon} v${info.version} was trained on feature hash "${manifest.featureHash}", the pipeline has "${options.featureHash}"`,
        { details: { expected: manifest.featureHash, actual: options.featureHash } },
      );
    }
    const body = await this.#io(`read ${dir}`, () => readFile(join(dir, 'model.json'), 'utf8'));
    const sha = createHash('sha256').update(body).digest('hex');
    if (sha !== manifest.sha256) {
      throw new ModelStoreError(
        'STORAGE_CORRUPT',
        `"${join(dir, 'model.json')}" has SHA-256 ${sha}, its manifest says ${manifest.sha256}`,
      );
    }
    return { model: await this.#load(JSON.parse(body), dir), info };
  }

  /**
   * Delete old versions beyond `keep`, never the promoted one nor the one
   * promoted before it (the rollback target). Runs after every `save`.
   *
   * @param symbol - market
   * @param horizon - horizon
   * @returns the deleted version numbers
   */
  async applyRetention(symbol: string, horizon: string): Promise<number[]> {
    const versions = await this.versions(symbol, horizon);
    const { promoted, history } = await this.#state(symbol, horizon);
    const protect = new Set([promoted, history.at(-2)].filter((v): v is number => typeof v === 'number'));
    const newest = new Set(versions.slice(-this.#keep));
    const doomed = versions.filter((v) => !newest.has(v) && !protect.has(v));
    for (const v of doomed) {
      await this.#io(`delete v${v}`, () =>
        rm(join(this.#dir(symbol, horizon), `v${v}`), { recursive: true, force: true }),
      );
    }
    return doomed;
  }

  #dir(symbol: string, horizon: string): string {
    const s = symbol.replace(/[/:]/g, '_');
    if (!SAFE.test(s) || s.startsWith('.'))
      throw new InvalidArgumentError(`Symbol ${JSON.stringify(symbol)} cannot name a model directory`);
    if (!SAFE.test(horizon) || horizon.startsWith('.'))
      throw new InvalidArgumentError(`Horizon ${JSON.stringify(horizon)} cannot name a model directory`);
    return join(this.root, s, horizon);
  }

  async #state(symbol: string, horizon: string): Promise<State> {
    const file = join(this.#dir(symbol, horizon), 'state.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { promoted: null, history: [] };
      throw new ModelStoreError('STORAGE_IO', `Cannot read "${file}": ${(e as Error).message}`, { cause: e });
    }
    try {
      const s = JSON.parse(text) as State;
      if (!Array.isArray(s.history) || !(s.promoted === null || Number.isInteger(s.promoted)))
        throw new Error('bad shape');
      return s;
    } catch (cause) {
      throw new ModelStoreError('STORAGE_CORRUPT', `Model store state "${file}" is corrupt: ${text.slice(0, 60)}`, {
        cause,
      });
    }
  }

  async #writeState(symbol: string, horizon: string, state: State): Promise<void> {
    const file = join(this.#dir(symbol, horizon), 'state.json');
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    await this.#io(`write ${file}`, async () => {
      await writeFile(tmp, JSON.stringify(state));
      await rename(tmp, file);
    });
  }

  async #io<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (
        e instanceof Error &&
        'code' in e &&
        typeof (e as { code: unknown }).code === 'string' &&
        (e as NodeJS.ErrnoException).syscall
      ) {
        throw new ModelStoreError('STORAGE_IO', `Model store could not ${what}: ${e.message}`, { cause: e });
      }
      throw e;
    }
  }
}
