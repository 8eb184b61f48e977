import { seededRandom } from '@sextant/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { firstDifference, withoutTiles } from '../../test/helpers/tiles.js';
import { logReturns, logReturnsInto } from '../kernels/logReturns.js';
import { logReturnsTilesInto } from './logReturnsTilesInto.js';
import { nanArray } from './nanArray.js';
import { setWasmKernels } from './wasm/wasmModule.js';

// logReturns.wat stands in for logReturnsInto's loop over logRatio (pinned
// to TA-Lib's LN(ROCR) in test/talibExactness.test.ts): every output must be
// the loop's to the bit, NaN for NaN and the sign of every zero included.

afterEach(() => {
  setWasmKernels(true);
});

/** The loop's log returns and the tiles' (asserting that they ran). */
function both(values: Float64Array, period: number) {
  const want = nanArray(values.length, period);
  withoutTiles(() => logReturnsInto(values, period, want));
  const got = nanArray(values.length, period);
  expect(logReturnsTilesInto(values, period, got), 'tiles ran').toBe(true);
  return { got, want };
}

describe('the log-return tiles equal the JavaScript loop to the bit', () => {
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      for (const values of [s.close, s.open, s.volume]) {
        for (const period of [1, 2, 3, 12, 100]) {
          const { got, want } = both(values, period);
          expect(firstDifference(got, want), `period ${period}`).toBe(-1);
        }
      }
    });
  }

  it('on ratios near and far from 1, zeros, negatives, infinities and NaN, at every tile boundary', () => {
    const rand = seededRandom(3);
    for (const n of [1, 2, 3, 2048, 2049, 2050, 2051, 3 * 2048 + 7]) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const r = rand();
        // Mostly small moves (the series), some beyond 1/16 (Math.log), and the special values.
        v[i] =
          r < 0.7
            ? 100 * (1 + (rand() - 0.5) * 0.01)
            : r < 0.85
              ? 100 * (1 + (rand() - 0.5))
              : [0, -0, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-310, 1e308][
                  Math.floor(rand() * 8)
                ]!;
      }
      for (const period of [1, 2, 5]) {
        if (n <= period) continue;
        const { got, want } = both(v, period);
        expect(firstDifference(got, want), `n ${n}, period ${period}`).toBe(-1);
      }
    }
  });

  it('at the edges of the series range: ratios of exactly 1 +- 1/16 and their neighbours', () => {
    const edge = [1 + 1 / 16, 1 - 1 / 16, 1 + 1 / 16 + 2 ** -52, 1 - 1 / 16 - 2 ** -53, 1, 1 + 2 ** -52, 1 - 2 ** -53];
    const v = new Float64Array(2 * edge.length);
    edge.forEach((x, k) => {
      v[2 * k] = 1;
      v[2 * k + 1] = x;
    });
    const { got, want } = both(v, 1);
    expect(firstDifference(got, want)).toBe(-1);
  });
});

describe('the log-return tiles decline when turned off, and logReturns falls back', () => {
  it('declines when turned off, writing nothing', () => {
    setWasmKernels(false);
    const out = nanArray(10, 10);
    expect(
      logReturnsTilesInto(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        1,
        out,
      ),
    ).toBe(false);
    expect(out.every(Number.isNaN)).toBe(true);
  });

  it('logReturns gives the same values with the tiles on and off', () => {
    const s = loadSeries(seriesFiles()[0]!);
    const off = withoutTiles(() => logReturns(s.close, 3));
    expect(firstDifference(logReturns(s.close, 3), off)).toBe(-1);
  });
});
