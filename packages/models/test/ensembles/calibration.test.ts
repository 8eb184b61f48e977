/**
 * Calibrators against SciPy (reference.py -> reference.json): isotonic vs
 * scipy.optimize.isotonic_regression, Platt vs a BFGS minimum of the same
 * likelihood.
 */
import { readFileSync } from 'node:fs';
import { isSextantError } from '@sextant/core';
import { IsotonicCalibrator, PlattCalibrator, confidence } from '@sextant/models';
import { describe, expect, it } from 'vitest';

const ref = JSON.parse(readFileSync(new URL('reference.json', import.meta.url), 'utf8')) as {
  scores: number[];
  labels: number[];
  isotonicSortedScores: number[];
  isotonicFit: number[];
  platt: { a: number; b: number };
};

describe('IsotonicCalibrator', () => {
  it('fits the same step function as scipy.optimize.isotonic_regression', () => {
    const cal = new IsotonicCalibrator().fit(ref.scores, ref.labels);
    const out = cal.transform(ref.isotonicSortedScores);
    for (const [i, v] of ref.isotonicFit.entries()) expect(out[i]).toBeCloseTo(v, 12);
  });

  it('pools equal scores, interpolates between points and clips outside', () => {
    const cal = new IsotonicCalibrator().fit([1, 2, 2, 3, 4], [0, 1, 0, 1, 1]);
    expect(Array.from(cal.transform([0, 1, 2, 2.5, 3, 9]))).toEqual([0, 0, 0.5, 0.75, 1, 1]);
    // a textbook PAV case: 3 > 2 is pooled
    const pav = new IsotonicCalibrator().fit([1, 2, 3, 4], [0, 1, 0, 1]);
    expect(Array.from(pav.transform([1, 2, 3, 4]))).toEqual([0, 0.5, 0.5, 1]);
    expect(cal.transform([Number.NaN])[0]).toBeNaN();
  });

  it('round-trips through JSON', () => {
    const cal = new IsotonicCalibrator().fit(ref.scores, ref.labels);
    const back = IsotonicCalibrator.fromJSON(JSON.parse(JSON.stringify(cal)));
    expect(Array.from(back.transform(ref.scores))).toEqual(Array.from(cal.transform(ref.scores)));
    expect(() => IsotonicCalibrator.fromJSON({ method: 'isotonic', x: [2, 1], y: [0, 1] })).toThrow(/Not an isotonic/);
  });
});

describe('PlattCalibrator', () => {
  it('finds the same sigmoid as SciPy minimising the smoothed likelihood', () => {
    const cal = new PlattCalibrator().fit(ref.scores, ref.labels);
    expect(cal.a).toBeCloseTo(ref.platt.a, 6);
    expect(cal.b).toBeCloseTo(ref.platt.b, 6);
    const p = cal.transform([0]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(ref.platt.b)), 6);
    const back = PlattCalibrator.fromJSON(JSON.parse(JSON.stringify(cal)));
    expect(back.a).toBe(cal.a);
  });
});

describe('calibrator bad inputs', () => {
  it('refuses one-class labels, non-binary labels, NaN scores and use before fit', () => {
    for (const cal of [new IsotonicCalibrator(), new PlattCalibrator()]) {
      expect(() => cal.transform([0.5])).toThrow(/before fit/);
      const cases: [number[], number[], RegExp][] = [
        [[1, 2], [1, 1], /both outcomes, got 2 positives out of 2/],
        [[1, 2], [0, 2], /labels\[1\] must be 0 or 1, got 2/],
        [[Number.NaN, 2], [0, 1], /scores\[0\] must be finite, got NaN/],
        [[1, 2, 3], [0, 1], /3 scores for 2 labels/],
      ];
      for (const [s, l, msg] of cases) {
        try {
          cal.fit(s, l);
          expect.unreachable();
        } catch (e) {
          expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
          expect((e as Error).message).toMatch(msg);
        }
      }
    }
  });
});

describe('confidence', () => {
  it('combines signal strength, volatility regime and track record', () => {
    expect(confidence({ probability: 0.8 })).toBeCloseTo(0.6, 12);
    expect(confidence({ probability: 0.5 })).toBe(0);
    expect(confidence({ probability: [0.1, 0.2, 0.7] })).toBeCloseTo((0.7 - 1 / 3) / (2 / 3), 12);
    expect(confidence({ ensemble: { mean: 0.02, std: 0.02 } })).toBeCloseTo(0.5, 12);
    expect(confidence({ ensemble: { mean: 0.02, std: 0 } })).toBe(1);
    expect(confidence({ probability: 0.8, ensemble: { mean: 0.02, std: 0.02 } })).toBeCloseTo(Math.sqrt(0.3), 12);
    expect(confidence({ probability: 0.8, volatility: { current: 0.02, reference: 0.01 } })).toBeCloseTo(0.3, 12);
    expect(confidence({ probability: 0.8, volatility: { current: 0.005, reference: 0.01 } })).toBeCloseTo(0.6, 12);
    // 80 of 100 right, shrunk by 20 pseudo-counts at 0.5: acc 0.75 -> factor 0.75
    expect(confidence({ probability: 1, tracked: { accuracy: 0.8, count: 100 } })).toBeCloseTo(0.75, 12);
    expect(confidence({ probability: 1, tracked: { accuracy: 0, count: 0 } })).toBeCloseTo(0.5, 12);
    // 200 of 1000 right: acc (200 + 10) / 1020, factor 0.5 + (acc - 0.5) = acc
    expect(confidence({ probability: 1, tracked: { accuracy: 0.2, count: 1000 } })).toBeCloseTo(210 / 1020, 12);
    expect(confidence({ probability: 1, tracked: { accuracy: 0, count: 1_000_000 } })).toBeLessThan(1e-4);
  });

  it('stays in 0..1 and refuses bad inputs quoting them', () => {
    for (let p = 0; p <= 1; p += 0.05) {
      const c = confidence({
        probability: p,
        volatility: { current: 1 + p, reference: 1 },
        tracked: { accuracy: p, count: 50 },
      });
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(() => confidence({})).toThrow(/needs a probability or an ensemble/);
    expect(() => confidence({ probability: 1.2 })).toThrow(/got 1.2/);
    expect(() => confidence({ probability: [0.5, 0.6] })).toThrow(/sum to 1, got 1.1/);
    expect(() => confidence({ probability: 0.6, volatility: { current: 0, reference: 1 } })).toThrow(/current 0/);
    expect(() => confidence({ probability: 0.6, tracked: { accuracy: Number.NaN, count: 3 } })).toThrow(/got NaN/);
  });
});
