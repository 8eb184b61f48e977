import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError } from '@sextant/core';
import { LinearRegressor, type Model, ModelStore, VotingEnsemble, promoteIfBetter } from '@sextant/models';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTestModel, synthetic } from '../ensembles/loadTestModel.js';

const data = synthetic(300, 21);
const fitRidge = (lambda: number, hash = 'fh-1') =>
  new LinearRegressor({ lambda }).fit(data.X, data.y, {
    manifest: { featureHash: hash, horizon: '1h', target: 'ret_1h', trainRange: [0, 1000] },
  });

let root: string;
let store: ModelStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-store-'));
  store = new ModelStore({ root, load: loadTestModel, keep: 3 });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('ModelStore', () => {
  it('saves versions as models/{symbol}/{horizon}/v{n}/ with manifest.json and loads identical predictions', async () => {
    const model = fitRidge(0.1);
    const saved = await store.save('ETH/BTC', '1h', model, { note: 'first' });
    expect(saved.version).toBe(1);
    expect(saved.dir).toBe(join(root, 'ETH_BTC', '1h', 'v1'));
    expect((await readdir(saved.dir)).sort()).toEqual(['manifest.json', 'model.json']);
    const manifest = JSON.parse(await readFile(join(saved.dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      kind: 'linear-regressor',
      symbol: 'ETH/BTC',
      horizon: '1h',
      storeVersion: 1,
      featureHash: 'fh-1',
      note: 'first',
    });
    await store.promote('ETH/BTC', '1h', 1);
    const { model: back, info } = await store.load('ETH/BTC', '1h', { featureHash: 'fh-1' });
    expect(info.version).toBe(1);
    expect(Array.from(back.predict(data.X))).toEqual(Array.from(model.predict(data.X)));
  });

  it('tracks latest vs promoted, rolls back, and keeps the rollback target through retention', async () => {
    for (let i = 1; i <= 3; i++) await store.save('ETH/BTC', '1h', fitRidge(i));
    expect((await store.latest('ETH/BTC', '1h'))?.version).toBe(3);
    expect(await store.current('ETH/BTC', '1h')).toBeUndefined();
    await store.promote('ETH/BTC', '1h', 1);
    await store.promote('ETH/BTC', '1h', 2);
    expect((await store.current('ETH/BTC', '1h'))?.version).toBe(2);
    // three more saves with keep 3: v1 (rollback target) and v2 (promoted) survive, v3 is dropped
    for (let i = 4; i <= 6; i++) await store.save('ETH/BTC', '1h', fitRidge(i));
    expect(await store.versions('ETH/BTC', '1h')).toEqual([1, 2, 4, 5, 6]);
    const back = await store.rollback('ETH/BTC', '1h');
    expect(back.version).toBe(1);
    expect((await store.load('ETH/BTC', '1h')).info.version).toBe(1);
    await expect(store.rollback('ETH/BTC', '1h')).rejects.toThrow(/No earlier promoted model/);
    expect((await store.load('ETH/BTC', '1h', { version: 'latest' })).info.version).toBe(6);
  });

  it('stores ensembles and extra files', async () => {
    const vote = new VotingEnsemble([
      { name: 'a', model: fitRidge(0.1) },
      { name: 'b', model: fitRidge(10) },
    ]);
    vote.weigh(data.X, data.y);
    const s = new ModelStore<VotingEnsemble>({ root, load: (json) => VotingEnsemble.fromJSON(json, loadTestModel) });
    const saved = await s.save('XRP/USDT:USDT', '10m', vote, {
      files: { 'notes.txt': 'trained on 5m' },
      promote: true,
    });
    expect(saved.dir).toBe(join(root, 'XRP_USDT_USDT', '10m', 'v1'));
    expect(await readFile(join(saved.dir, 'notes.txt'), 'utf8')).toBe('trained on 5m');
    const { model } = await s.load('XRP/USDT:USDT', '10m');
    expect(Array.from(model.predict(data.X))).toEqual(Array.from(vote.predict(data.X)));
  });

  it('refuses a model trained on another feature pipeline', async () => {
    await store.save('ETH/BTC', '1h', fitRidge(1), { promote: true });
    try {
      await store.load('ETH/BTC', '1h', { featureHash: 'fh-2' });
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'FEATURE_MISMATCH')).toBe(true);
      expect((e as Error).message).toContain('"fh-1"');
      expect((e as Error).message).toContain('"fh-2"');
    }
  });

  it('detects a tampered model file and a corrupt manifest', async () => {
    const { dir } = await store.save('ETH/BTC', '1h', fitRidge(1), { promote: true });
    const file = join(dir, 'model.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"lambda":1', '"lambda":2'));
    await expect(store.load('ETH/BTC', '1h')).rejects.toSatisfy((e) => isSextantError(e, 'STORAGE_CORRUPT'));
    await writeFile(join(dir, 'manifest.json'), '{"kind": ');
    await expect(store.info('ETH/BTC', '1h', 1)).rejects.toSatisfy(
      (e) => isSextantError(e, 'STORAGE_CORRUPT') && (e as Error).message.includes('{"kind": '),
    );
  });

  it('refuses unsafe names, unknown versions and bad options with typed errors', async () => {
    const m = fitRidge(1);
    await expect(store.save('../etc', '1h', m)).rejects.toThrow(/Symbol "\.\.\/etc"/);
    await expect(store.save('ETH/BTC', '1h/../../x', m)).rejects.toThrow(/Horizon "1h\/\.\.\/\.\.\/x"/);
    await expect(store.save('ETH/BTC', '1h', m, { files: { 'model.json': 'x' } })).rejects.toThrow(
      /"model.json" is not allowed/,
    );
    await expect(store.promote('ETH/BTC', '1h', 7)).rejects.toSatisfy(
      (e) => isSextantError(e, 'INVALID_ARGUMENT') && (e as Error).message.includes('version 7'),
    );
    await expect(store.load('ETH/BTC', '4h')).rejects.toThrow(/No current model for ETH\/BTC 4h/);
    expect(() => new ModelStore({ root, load: loadTestModel, keep: 0 })).toThrow(/got 0/);
    expect(existsSync(join(root, 'ETH_BTC', '1h'))).toBe(false);
  });

  it('leaves no half-written version behind when several saves race', async () => {
    const models = [1, 2, 3, 4].map((l) => fitRidge(l));
    const wide = new ModelStore({ root, load: loadTestModel, keep: 10 });
    const saved = await Promise.all(models.map((m) => wide.save('LTC/BTC', '5m', m)));
    expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4]);
    const entries = await readdir(join(root, 'LTC_BTC', '5m'));
    expect(entries.filter((e) => e.startsWith('.tmp'))).toEqual([]);
  });
});

describe('promoteIfBetter', () => {
  it('promotes a retrained model only if it beats the current one on the latest out-of-sample window', async () => {
    const window = synthetic(200, 77);
    const good = fitRidge(0);
    const worse = new LinearRegressor({ lambda: 5000 }).fit(data.X, data.y, {
      manifest: { featureHash: 'fh-1', trainRange: [0, 1000] },
    });
    const first = await promoteIfBetter({
      store,
      symbol: 'ETH/BTC',
      horizon: '1h',
      candidate: worse,
      X: window.X,
      y: window.y,
    });
    expect(first).toMatchObject({ promoted: true, version: 1, currentScore: undefined });
    const second = await promoteIfBetter({
      store,
      symbol: 'ETH/BTC',
      horizon: '1h',
      candidate: good,
      X: window.X,
      y: window.y,
    });
    expect(second.promoted).toBe(true);
    expect(second.candidateScore).toBeLessThan(second.currentScore!);
    const third = await promoteIfBetter({
      store,
      symbol: 'ETH/BTC',
      horizon: '1h',
      candidate: worse as Model,
      X: window.X,
      y: window.y,
    });
    expect(third.promoted).toBe(false);
    expect(third.version).toBe(3);
    expect((await store.current('ETH/BTC', '1h'))?.version).toBe(2);
    expect((await store.info('ETH/BTC', '1h', 3)).manifest.note).toContain('vs current');
  });

  it('refuses a comparison window that overlaps the candidate training range', async () => {
    const frame = {
      timestamp: Float64Array.from({ length: 3 }, (_, i) => 500 + i),
      names: ['a', 'b', 'c'],
      columns: [0, 1, 2].map(() => Float64Array.of(0.1, 0.2, 0.3)),
      length: 3,
      hash: 'fh-1',
    };
    await expect(
      promoteIfBetter({ store, symbol: 'ETH/BTC', horizon: '1h', candidate: fitRidge(1), X: frame, y: [0, 0, 0] }),
    ).rejects.toThrow(/inside the candidate's training range/);
  });
});
