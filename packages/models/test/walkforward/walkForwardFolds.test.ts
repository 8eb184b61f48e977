import { isSextantError } from '@sextant/core';
import { LinearRegressor, walkForward, walkForwardFolds } from '@sextant/models';
import { describe, expect, it } from 'vitest';

describe('walkForwardFolds', () => {
  it('cuts rolling folds with purge and embargo before each test window', () => {
    expect(walkForwardFolds(20, { trainSize: 8, testSize: 5, purge: 2, embargo: 1 })).toEqual([
      { index: 0, trainStart: 0, trainEnd: 5, testStart: 8, testEnd: 13 },
      { index: 1, trainStart: 5, trainEnd: 10, testStart: 13, testEnd: 18 },
      { index: 2, trainStart: 10, trainEnd: 15, testStart: 18, testEnd: 20 },
    ]);
  });

  it('grows the training window from row 0 when expanding, and honours step', () => {
    const f = walkForwardFolds(12, { trainSize: 4, testSize: 4, step: 2, mode: 'expanding' });
    expect(f.map((x) => [x.trainStart, x.trainEnd, x.testStart, x.testEnd])).toEqual([
      [0, 4, 4, 8],
      [0, 6, 6, 10],
      [0, 8, 8, 12],
      [0, 10, 10, 12],
    ]);
  });

  it('returns no fold when the span is shorter than one training window', () => {
    expect(walkForwardFolds(4, { trainSize: 4, testSize: 2 })).toEqual([]);
  });

  it('refuses bad windows with typed errors quoting the value', () => {
    const bad = [
      { trainSize: 0, testSize: 1 },
      { trainSize: 5, testSize: 1.5 },
      { trainSize: 5, testSize: 1, purge: -1 },
      { trainSize: 5, testSize: 1, purge: 3, embargo: 2 },
      { trainSize: 5, testSize: 1, mode: 'sideways' as 'rolling' },
    ];
    for (const w of bad) {
      try {
        walkForwardFolds(10, w);
        expect.unreachable();
      } catch (e) {
        expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
      }
    }
    expect(() => walkForwardFolds(10, { trainSize: 5, testSize: 1, purge: 3, embargo: 2 })).toThrow(/\(3 \+ 2\)/);
  });
});

describe('walkForward', () => {
  it('recovers a known linear relation out of sample (ridge closed form)', async () => {
    const X = Array.from({ length: 300 }, (_, i) => [Math.sin(i), Math.cos(i * 0.7)]);
    const y = X.map(([a, b]) => 2 * a! - 3 * b! + 0.5);
    const wf = await walkForward({
      X,
      y,
      createModel: () => new LinearRegressor(),
      trainSize: 100,
      testSize: 50,
      purge: 3,
    });
    expect(wf.folds).toHaveLength(4);
    for (let i = 100; i < 300; i++) expect(wf.predictions[i]).toBeCloseTo(y[i]!, 8);
  });

  it('refuses a target of the wrong length and a span too short for one fold', async () => {
    const X = [[1], [2], [3]];
    await expect(
      walkForward({ X, y: [1, 2], createModel: () => new LinearRegressor(), trainSize: 2, testSize: 1 }),
    ).rejects.toThrow(/y has 2 values, X has 3 rows/);
    await expect(
      walkForward({ X, y: [1, 2, 3], createModel: () => new LinearRegressor(), trainSize: 3, testSize: 1 }),
    ).rejects.toThrow(/too few for one fold/);
  });
});
