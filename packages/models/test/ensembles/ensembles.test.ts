import { isSextantError } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import {
  GradientBoostingClassifier,
  GradientBoostingRegressor,
  LinearRegressor,
  StackingEnsemble,
  VotingEnsemble,
  scoreRegression,
  trainAndSelect,
} from '@sextant/models';
import { describe, expect, it } from 'vitest';
import { loadTestModel, synthetic } from './loadTestModel.js';

const train = synthetic(1500, 1);
const val = synthetic(400, 2);
const test = synthetic(400, 3);

describe('VotingEnsemble', () => {
  it('weights members by inverse validation MAE and averages with those weights', async () => {
    const ridge = new LinearRegressor();
    const gbdt = new GradientBoostingRegressor({ nEstimators: 60, maxDepth: 3, learningRate: 0.2, seed: 1 });
    const vote = new VotingEnsemble([
      { name: 'ridge', model: ridge },
      { name: 'gbdt', model: gbdt },
    ]);
    await vote.fit(train.X, train.y, { validation: { X: val.X, y: val.y } });
    const maeR = scoreRegression(val.y, ridge.predict(val.X)).mae;
    const maeG = scoreRegression(val.y, gbdt.predict(val.X)).mae;
    const wR = 1 / maeR / (1 / maeR + 1 / maeG);
    expect(vote.weights[0]).toBeCloseTo(wR, 12);
    expect(vote.weights[1]).toBeCloseTo(1 - wR, 12);
    expect(vote.manifest.metrics['mae_ridge']).toBeCloseTo(maeR, 12);
    // the sine term is non-linear: the trees win the larger weight
    expect(vote.weights[1]).toBeGreaterThan(vote.weights[0]!);
    const pr = ridge.predict(test.X);
    const pg = gbdt.predict(test.X);
    const out = vote.predict(test.X);
    for (let i = 0; i < 20; i++) expect(out[i]).toBeCloseTo(wR * pr[i]! + (1 - wR) * pg[i]!, 12);
    const { std } = vote.predictSpread(test.X);
    expect(std[0]).toBeCloseTo(Math.sqrt(wR * (pr[0]! - out[0]!) ** 2 + (1 - wR) * (pg[0]! - out[0]!) ** 2), 12);
  });

  it('saves and loads to identical predictions and keeps trust flags', async () => {
    const vote = new VotingEnsemble([
      { name: 'a', model: new LinearRegressor({ lambda: 1 }) },
      { name: 'b', model: new GradientBoostingRegressor({ nEstimators: 20, seed: 5 }) },
    ]);
    await vote.fit(train.X, train.y, { validation: { X: val.X, y: val.y } });
    const back = VotingEnsemble.fromJSON(JSON.parse(JSON.stringify(vote.toJSON())), loadTestModel);
    expect(Array.from(back.predict(test.X))).toEqual(Array.from(vote.predict(test.X)));
    expect(back.weights).toEqual(vote.weights);
    const { trusted } = vote.predictWithTrust([
      [0, 0, 0],
      [Number.NaN, 0, 0],
    ]);
    expect(Array.from(trusted)).toEqual([1, 0]);
  });

  it('averages class probabilities of classifiers weighted by inverse validation log-loss', async () => {
    const label = (y: number[]) => y.map((v) => (v > 0 ? 1 : 0));
    const a = new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3, seed: 1 });
    const b = new GradientBoostingClassifier({ nEstimators: 5, maxDepth: 1, seed: 1 });
    const vote = new VotingEnsemble(
      [
        { name: 'a', model: a },
        { name: 'b', model: b },
      ],
      { task: 'classification' },
    );
    await vote.fit(train.X, label(train.y), { validation: { X: val.X, y: label(val.y) } });
    const la = vote.manifest.metrics['logloss_a']!;
    const lb = vote.manifest.metrics['logloss_b']!;
    expect(vote.weights[0]).toBeCloseTo(1 / la / (1 / la + 1 / lb), 12);
    const pa = a.predictProba(test.X);
    const pb = b.predictProba(test.X);
    const p = vote.predictProba(test.X);
    expect(p[0]![1]).toBeCloseTo(vote.weights[0]! * pa[0]![1]! + vote.weights[1]! * pb[0]![1]!, 12);
    expect(vote.predict(test.X)[0]).toBe(p[0]![1]! > p[0]![0]! ? 1 : 0);
  });

  it('meets the model contract: seeded determinism, feature-hash guard, NaN rows untrusted', async () => {
    const frame = (rows: number[][], hash: string): FeatureFrame => ({
      timestamp: Float64Array.from(rows, (_, i) => i * 300_000),
      names: ['a', 'b', 'c'],
      columns: [0, 1, 2].map((c) => Float64Array.from(rows, (r) => r[c]!)),
      length: rows.length,
      hash,
    });
    const build = () =>
      new VotingEnsemble([
        { name: 'ridge', model: new LinearRegressor() },
        {
          name: 'gbdt',
          model: new GradientBoostingRegressor({ nEstimators: 20, subsample: 0.7, colsampleByTree: 0.7, seed: 9 }),
        },
      ]);
    const [a, b] = [build(), build()];
    for (const v of [a, b])
      await v.fit(frame(train.X, 'pipe-1'), train.y, { validation: { X: frame(val.X, 'pipe-1'), y: val.y } });
    expect(Array.from(a.predict(frame(test.X, 'pipe-1')))).toEqual(Array.from(b.predict(frame(test.X, 'pipe-1'))));
    expect(a.manifest.featureHash).toBe('pipe-1');
    expect(a.manifest.featureNames).toEqual(['a', 'b', 'c']);
    expect(() => a.predict(frame(test.X, 'pipe-2'))).toThrow(expect.objectContaining({ code: 'FEATURE_MISMATCH' }));
    const nan = a.predictWithTrust(
      frame(
        [
          [Number.NaN, 0, 0],
          [0.1, 0.2, 0.3],
        ],
        'pipe-1',
      ),
    );
    expect(nan.trusted[0]).toBe(0);
    expect(nan.trusted[1]).toBe(1);
  });

  it('refuses no members, duplicate names and bad snapshots', () => {
    expect(() => new VotingEnsemble([])).toThrow(/at least one member, got 0/);
    const m = new LinearRegressor();
    expect(
      () =>
        new VotingEnsemble([
          { name: 'x', model: m },
          { name: 'x', model: m },
        ]),
    ).toThrow(/unique, got x, x/);
    try {
      VotingEnsemble.fromJSON({ kind: 'nope' }, loadTestModel);
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'MODEL')).toBe(true);
    }
  });
});

describe('StackingEnsemble', () => {
  // Three "timeframes" see different parts of the signal; the master learns to add them.
  const rows = 1200;
  const base = synthetic(rows, 9);
  const inputs = {
    '1d': base.X.map((x) => [x[0]!]),
    '1h': base.X.map((x) => [x[1]!]),
    '5m': base.X.map((x) => [x[2]!, Math.sin(3 * x[2]!)]),
  };
  const members = () => [
    { name: '1d', timeframe: '1d', model: new LinearRegressor() },
    { name: '1h', timeframe: '1h', model: new LinearRegressor() },
    { name: '5m', timeframe: '5m', model: new LinearRegressor() },
  ];

  it('trains members on the older rows and the master on their out-of-sample predictions, per horizon', async () => {
    for (const horizon of ['10m', '1h', '6h']) {
      const stack = new StackingEnsemble(members(), new LinearRegressor());
      await stack.fit(inputs, base.y, {
        memberFraction: 0.5,
        purge: 2,
        manifest: { horizon, target: `ret_${horizon}` },
      });
      expect(stack.manifest.horizon).toBe(horizon);
      expect(stack.manifest.metrics['masterRows']).toBe(rows - 600 - 2);
      // each member explains its part; the master's coefficients add them back (~1 each)
      const coef = (stack.master as LinearRegressor).coefficients;
      for (const c of coef) expect(c).toBeGreaterThan(0.8);
      const pred = stack.predict(inputs);
      expect(scoreRegression(base.y, pred).mae).toBeLessThan(0.1);
      const back = StackingEnsemble.fromJSON(JSON.parse(JSON.stringify(stack.toJSON())), loadTestModel);
      expect(Array.from(back.predict(inputs))).toEqual(Array.from(pred));
    }
  });

  it('trains only the master over pretrained sub-models', async () => {
    const daily = new LinearRegressor().fit(inputs['1d'].slice(0, 300), base.y.slice(0, 300));
    const coefBefore = daily.coefficients[0];
    const stack = new StackingEnsemble(
      [
        { name: '1d', timeframe: '1d', model: daily, pretrained: true },
        ...members()
          .slice(1)
          .map((m) => ({ ...m, pretrained: false })),
      ],
      new LinearRegressor(),
    );
    await stack.fit(inputs, base.y);
    expect(daily.coefficients[0]).toBe(coefBefore);
    expect(Object.keys(stack.predictMembers(inputs))).toEqual(['1d', '1h', '5m']);
  });

  it('keeps each member on the feature hash of its own timeframe pipeline', async () => {
    const frame = (rows: number[][], hash: string): FeatureFrame => ({
      timestamp: Float64Array.from(rows, (_, i) => i * 300_000),
      names: rows[0]!.map((_, c) => `f${c}`),
      columns: rows[0]!.map((_, c) => Float64Array.from(rows, (r) => r[c]!)),
      length: rows.length,
      hash,
    });
    const frames = {
      '1d': frame(inputs['1d'], 'daily-v1'),
      '1h': frame(inputs['1h'], 'hourly-v1'),
      '5m': frame(inputs['5m'], 'fivemin-v1'),
    };
    const stack = new StackingEnsemble(members(), new LinearRegressor());
    await stack.fit(frames, base.y, { manifest: { horizon: '8h', featureHash: 'stack-v1' } });
    expect(stack.manifest.featureHash).toBe('stack-v1');
    expect(stack.predict(frames).length).toBe(rows);
    await expect(async () => stack.predict({ ...frames, '1h': frame(inputs['1h'], 'daily-v1') })).rejects.toSatisfy(
      (e) => isSextantError(e, 'FEATURE_MISMATCH'),
    );
  });

  it('refuses missing or misaligned member inputs', async () => {
    const stack = new StackingEnsemble(members(), new LinearRegressor());
    await expect(stack.fit({ '1d': inputs['1d'], '1h': inputs['1h'] }, base.y)).rejects.toThrow(
      /no features for member "5m"/,
    );
    await expect(stack.fit({ ...inputs, '1h': inputs['1h'].slice(1) }, base.y)).rejects.toThrow(/align them/);
  });
});

describe('trainAndSelect', () => {
  it('keeps the best candidate by MAE on a chronological hold-out and records every score', async () => {
    const all = synthetic(1000, 4);
    const result = await trainAndSelect({
      candidates: [
        { name: 'ridge', create: () => new LinearRegressor() },
        {
          name: 'gbdt',
          create: () => new GradientBoostingRegressor({ nEstimators: 60, maxDepth: 3, learningRate: 0.2, seed: 2 }),
        },
      ],
      X: all.X,
      y: all.y,
      purge: 5,
    });
    expect(result.split).toEqual({ trainEnd: 695, holdoutStart: 700, rows: 1000 });
    expect(result.scores.map((s) => s.name)).toEqual(['ridge', 'gbdt']);
    // independent check of each score: refit the same candidate on rows 0..694, score on 700..999
    const ridge = new LinearRegressor().fit(all.X.slice(0, 695), all.y.slice(0, 695));
    expect(result.scores[0]!.score).toBeCloseTo(
      scoreRegression(all.y.slice(700), ridge.predict(all.X.slice(700))).mae,
      12,
    );
    const best = result.scores.reduce((a, b) => (b.score < a.score ? b : a));
    expect(result.bestName).toBe(best.name);
    expect(result.best.manifest.metrics['mae']).toBeCloseTo(best.score, 12);
  });

  it('refuses no candidates and a bad hold-out share', async () => {
    await expect(trainAndSelect({ candidates: [], X: [[1]], y: [1] })).rejects.toThrow(/at least one candidate, got 0/);
    await expect(
      trainAndSelect({
        candidates: [{ name: 'r', create: () => new LinearRegressor() }],
        X: [[1], [2]],
        y: [1, 2],
        holdout: 1,
      }),
    ).rejects.toThrow(/holdout must be in \(0, 1\), got 1/);
  });
});
