import { isSextantError } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/learners/loadModel.js';
import type { Model } from '../../src/Model.type.js';
import { syntheticData } from './syntheticData.js';

/** What the contract needs to know about one learner. */
export interface LearnerCase {
  /** Display name. */
  name: string;
  /** A fresh, untrained model with a fixed seed. */
  create: (seed?: number) => Model;
  /** Which synthetic target it learns. */
  task: 'regression' | 'binary' | 'multiclass';
  /** Whether fitting twice with different seeds may differ (bagging, sampling). */
  seeded?: boolean;
  /** Restores a snapshot; `loadModel` when absent. */
  load?: (json: object) => Model;
  /** Lowest acceptable quality on held-out rows: R² (regression) or accuracy (classification). */
  minScore: number;
}

const COLS = 5;
const names = Array.from({ length: COLS }, (_, i) => `feat_${i}`);

function frameOf(X: number[][], hash: string, cols = names): FeatureFrame {
  return {
    timestamp: Float64Array.from(X, (_, i) => 1_700_000_000_000 + i * 300_000),
    names: cols,
    columns: cols.map((_, c) => Float64Array.from(X, (row) => row[c]!)),
    length: X.length,
    hash,
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isSextantError(e) ? e.code : `non-sextant: ${String(e)}`;
  }
  return undefined;
}

/**
 * The shared model contract: every learner must pass it. Deterministic with
 * a seed, save/load gives identical predictions, the feature-hash guard,
 * NaN and out-of-range rows flagged untrusted, clear typed errors on bad input,
 * and it actually learns the synthetic signal.
 */
export function describeLearnerContract(c: LearnerCase): void {
  describe(`${c.name} (model contract)`, () => {
    const train = syntheticData(400, COLS, 101, 0);
    const test = syntheticData(200, COLS, 202, 0);
    const target = (d: typeof train) => (c.task === 'regression' ? d.y : c.task === 'binary' ? d.binary : d.multiclass);
    const frame = frameOf(train.X, 'pipeline-A');
    const fitted = c.create(7).fit(frame, target(train), { manifest: { target: 'synthetic', horizon: '1h' } }) as Model;

    it('learns the signal (held-out score above the floor)', () => {
      const pred = fitted.predict(frameOf(test.X, 'pipeline-A'));
      const y = target(test);
      let score: number;
      if (c.task === 'regression') {
        const mean = y.reduce((a, b) => a + b, 0) / y.length;
        let ss = 0;
        let tot = 0;
        y.forEach((v, i) => {
          ss += (v - pred[i]!) ** 2;
          tot += (v - mean) ** 2;
        });
        score = 1 - ss / tot;
      } else score = y.filter((v, i) => v === pred[i]).length / y.length;
      expect(score).toBeGreaterThan(c.minScore);
    });

    it('fills the manifest', () => {
      const m = fitted.manifest;
      expect(m.featureNames).toEqual(names);
      expect(m.featureHash).toBe('pipeline-A');
      expect(m.target).toBe('synthetic');
      expect(m.horizon).toBe('1h');
      expect(m.trainRange).toEqual([frame.timestamp[0], frame.timestamp[frame.length - 1]]);
      expect(Number.isNaN(Date.parse(m.trainedAt))).toBe(false);
      expect(Object.keys(m.metrics).length).toBeGreaterThan(0);
    });

    it('is deterministic with a seed', () => {
      const again = c.create(7).fit(frame, target(train)) as Model;
      expect(again.predict(test.X)).toEqual(fitted.predict(test.X));
      if (c.seeded) {
        const other = c.create(8).fit(frame, target(train)) as Model;
        const b = c.task === 'regression' ? other.predict(test.X) : other.predictProba!(test.X).flatMap((p) => [...p]);
        const a =
          c.task === 'regression' ? fitted.predict(test.X) : fitted.predictProba!(test.X).flatMap((p) => [...p]);
        expect(b).not.toEqual(a);
      }
    });

    it('save/load through JSON text gives identical predictions', () => {
      const text = JSON.stringify(fitted);
      const restored = c.load ? c.load(JSON.parse(text) as object) : loadModel(text);
      expect(restored.manifest).toEqual(fitted.manifest);
      expect(restored.predict(test.X)).toEqual(fitted.predict(test.X));
      if (fitted.predictProba) expect(restored.predictProba!(test.X)).toEqual(fitted.predictProba(test.X));
      expect(restored.predictWithTrust!(test.X)).toEqual(fitted.predictWithTrust!(test.X));
    });

    it('guards the feature hash, names and column count with FEATURE_MISMATCH', () => {
      expect(codeOf(() => fitted.predict(frameOf(test.X, 'pipeline-B')))).toBe('FEATURE_MISMATCH');
      const renamed = ['other', ...names.slice(1)];
      expect(codeOf(() => fitted.predict(frameOf(test.X, 'pipeline-A', renamed)))).toBe('FEATURE_MISMATCH');
      expect(codeOf(() => fitted.predict([[1, 2, 3]]))).toBe('FEATURE_MISMATCH');
      expect(() => fitted.predict(frameOf(test.X, 'pipeline-A'))).not.toThrow();
    });

    it('flags NaN and far-out rows untrusted instead of failing', () => {
      const ok = test.X[0]!;
      const nan = [...ok];
      nan[1] = Number.NaN;
      const far = [...ok];
      far[2] = 1e6;
      const { values, trusted } = fitted.predictWithTrust!([ok, nan, far]);
      expect(Array.from(trusted)).toEqual([1, 0, 0]);
      expect(Number.isFinite(values[0]!)).toBe(true);
    });

    it('trains with NaN feature cells', () => {
      const holes = syntheticData(300, COLS, 303, 0.05);
      const model = c.create(1).fit(holes.X, target(holes)) as Model;
      expect(model.predict(test.X).every(Number.isFinite)).toBe(true);
    });

    it('refuses bad input with typed errors', () => {
      expect(codeOf(() => c.create().predict(test.X))).toBe('MODEL');
      const y = [...target(train)];
      y[3] = Number.NaN;
      expect(codeOf(() => c.create().fit(train.X, y))).toBe('INVALID_ARGUMENT');
      expect(codeOf(() => c.create().fit(train.X, y.slice(0, 10)))).toBe('INVALID_ARGUMENT');
      const ragged = train.X.map((r, i) => (i === 5 ? r.slice(1) : r));
      expect(codeOf(() => c.create().fit(ragged, target(train)))).toBe('INVALID_ARGUMENT');
    });
  });
}
