import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError } from '@sextant/core';
import {
  FilePredictionStore,
  MemoryPredictionStore,
  type PredictionStore,
  PredictionTracker,
  type TrackedPrediction,
  confidence,
} from '@sextant/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-tracker-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Real ETH/BTC closes 1h apart are not needed here: outcomes are given explicitly so every stat is checkable by hand.
const stores: [string, () => PredictionStore][] = [
  ['MemoryPredictionStore', () => new MemoryPredictionStore()],
  ['FilePredictionStore', () => new FilePredictionStore(join(dir, `p-${Math.random().toString(36).slice(2)}.jsonl`))],
];

describe.each(stores)('PredictionTracker on %s', (_name, makeStore) => {
  it('resolves predictions only once their horizon has passed and keeps rolling accuracy, MAE and calibration', async () => {
    const store = makeStore();
    const t = await PredictionTracker.open({ store, window: 4, calibrationBins: 2 });
    const preds: [number, number, number | undefined][] = [
      // value, actual, probability
      [0.01, 0.02, 0.8],
      [-0.01, 0.01, 0.3],
      [0.02, -0.01, 0.6],
      [0.005, 0.004, 0.9],
      [-0.02, -0.03, 0.1],
    ];
    for (const [i, [value, , probability]] of preds.entries()) {
      await t.record({
        id: `p${i}`,
        model: 'gbdt',
        horizon: '1h',
        horizonMs: HOUR,
        time: i * HOUR,
        value,
        ...(probability !== undefined ? { probability } : {}),
      });
    }
    const outcome = (p: TrackedPrediction) => preds[Number(p.id.slice(1))]![1];
    expect(await t.resolveDue(HOUR - 1, outcome)).toEqual([]);
    const done = await t.resolveDue(5 * HOUR, outcome);
    expect(done.map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(t.pending()).toEqual([]);
    const s = t.stats('gbdt', '1h');
    // window 4: p1..p4. event = actual > 0: p1 1, p2 0, p3 1, p4 0; predicted p>=0.5: 0, 1, 1, 0 -> 2 of 4 right
    expect(s.count).toBe(4);
    expect(s.accuracy).toBe(0.5);
    expect(s.mae).toBeCloseTo((0.02 + 0.03 + 0.001 + 0.01) / 4, 14);
    expect(s.brier).toBeCloseTo((0.7 ** 2 + 0.6 ** 2 + 0.1 ** 2 + 0.1 ** 2) / 4, 14);
    expect(s.calibration).toEqual([
      { from: 0, to: 0.5, count: 2, meanPredicted: 0.2, observedRate: 0.5 },
      { from: 0.5, to: 1, count: 2, meanPredicted: 0.75, observedRate: 0.5 },
    ]);
    expect(s.ece).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.25, 14);
    // the track record feeds confidence
    expect(confidence({ probability: 0.9, tracked: { accuracy: s.accuracy, count: s.count } })).toBeCloseTo(0.4, 12);
  });

  it('survives a restart: pending and resolved predictions come back from the store', async () => {
    const store = makeStore();
    const a = await PredictionTracker.open({ store });
    await a.record({ id: 'x', model: 'ridge', horizon: '10m', horizonMs: 600_000, time: 0, value: 0.01 });
    await a.record({ id: 'y', model: 'ridge', horizon: '10m', horizonMs: 600_000, time: 1, value: -0.01 });
    await a.resolveDue(600_000, (p) => (p.id === 'x' ? 0.02 : undefined));
    const b = await PredictionTracker.open({ store });
    expect(b.pending().map((p) => p.id)).toEqual(['y']);
    expect(b.stats('ridge', '10m')).toMatchObject({ count: 1, pending: 1, accuracy: 1 });
    expect(b.stats('ridge', '10m').mae).toBeCloseTo(0.01, 14);
    expect(Number.isNaN(b.stats('ridge', '10m').brier)).toBe(true);
    await expect(
      b.record({ id: 'x', model: 'ridge', horizon: '10m', horizonMs: 1, time: 2, value: 0 }),
    ).rejects.toThrow(/"x" is already recorded/);
  });

  it('refuses bad predictions and outcomes with typed errors', async () => {
    const t = await PredictionTracker.open({ store: makeStore() });
    const base = { model: 'm', horizon: '1h', horizonMs: HOUR, time: 0, value: 0.1 };
    for (const [bad, msg] of [
      [{ value: Number.NaN }, /value must be finite, got NaN/],
      [{ horizonMs: 0 }, /horizonMs must be > 0, got 0/],
      [{ probability: 1.5 }, /probability must be in 0..1, got 1.5/],
    ] as const) {
      await expect(t.record({ ...base, ...bad })).rejects.toSatisfy(
        (e) => isSextantError(e, 'INVALID_ARGUMENT') && msg.test((e as Error).message),
      );
    }
    await t.record({ ...base, id: 'z' });
    await expect(t.resolveDue(HOUR, () => Number.POSITIVE_INFINITY)).rejects.toThrow(
      /Outcome of prediction "z" must be finite, got Infinity/,
    );
    await expect(PredictionTracker.open({ store: makeStore(), window: 0 })).rejects.toThrow(
      /window must be an integer >= 1, got 0/,
    );
  });
});

describe('FilePredictionStore', () => {
  it('skips a torn last line after a crash, and keeps appending cleanly', async () => {
    const path = join(dir, 'torn.jsonl');
    const store = new FilePredictionStore(path);
    const p: TrackedPrediction = { id: 'a', model: 'm', horizon: '1h', time: 0, dueAt: HOUR, value: 1 };
    await store.put(p);
    await appendFile(path, '{"id":"b","mod');
    expect((await new FilePredictionStore(path).load()).map((x) => x.id)).toEqual(['a']);
    const again = new FilePredictionStore(path);
    await again.put({ ...p, id: 'c' });
    expect((await again.load()).map((x) => x.id)).toEqual(['a', 'c']);
  });

  it('reports a corrupt line in the middle with its line number', async () => {
    const path = join(dir, 'corrupt.jsonl');
    await writeFile(path, '{"id":"a","time":0}\nnot json\n{"id":"b","time":1}\n');
    await expect(new FilePredictionStore(path).load()).rejects.toSatisfy(
      (e) => isSextantError(e, 'STORAGE_CORRUPT') && (e as Error).message.includes('line 2'),
    );
    expect(await readFile(path, 'utf8')).toContain('not json');
  });
});
