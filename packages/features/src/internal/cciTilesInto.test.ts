import { seededRandom } from '@sextant/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { firstDifference, randomWalk, withoutTiles } from '../../test/helpers/tiles.js';
import { cci } from '../kernels/cci.js';
import { MAX_CCI_TILE_PERIOD, cciTilesInto } from './cciTilesInto.js';
import { cciInto } from './cciInto.js';
import { nanArray } from './nanArray.js';
import { setWasmKernels } from './wasm/wasmModule.js';

// cci.wat stands in for cciInto's JavaScript loop (itself pinned to TA-Lib
// in cciWindow.test.ts and test/talibExactness.test.ts): every output must
// be the loop's to the bit, NaN for NaN and the sign of every zero included.

afterEach(() => {
  setWasmKernels(true);
});

/** The JavaScript loop's CCI and the tiles' (asserting that they ran). */
function both(h: Float64Array, l: Float64Array, c: Float64Array, period: number, scale = 1) {
  const want = nanArray(c.length, period - 1);
  withoutTiles(() => cciInto(h, l, c, period, want, scale));
  const got = nanArray(c.length, period - 1);
  expect(cciTilesInto(h, l, c, period, got, scale), 'tiles ran').toBe(true);
  return { got, want };
}

describe('the CCI tiles equal the JavaScript loop to the bit', () => {
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      // Periods under eight wrap the ring within a group of eight bars.
      for (const period of [2, 3, 5, 7, 8, 9, 14, 20, 64, 255, MAX_CCI_TILE_PERIOD]) {
        if (s.length < period + 7) continue;
        for (const scale of [1, 0.01]) {
          const { got, want } = both(s.high, s.low, s.close, period, scale);
          expect(firstDifference(got, want), `period ${period}, scale ${scale}`).toBe(-1);
        }
      }
    });
  }

  it('at every tile boundary (2,048 bars a tile) and for every tail of under eight bars', () => {
    for (const period of [2, 7, 20]) {
      for (const past of [0, 1, 7, 8, 9, 2047, 2048, 2049, 2055, 2056, 3 * 2048 + 5]) {
        const n = period + 7 + past;
        const { high, low, close } = randomWalk(n, n + period);
        const { got, want } = both(high, low, close, period);
        expect(firstDifference(got, want), `period ${period}, n ${n}`).toBe(-1);
      }
    }
  });

  it('on flat stretches (zero deviation), negative and zero prices, infinities and NaN', () => {
    const rand = seededRandom(11);
    const n = 6000;
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const close = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Whole numbers from -3 to 3 with long flat runs: typical price equal to its average, deviations of 0.
      const base = i % 700 < 120 ? 2 : Math.round(rand() * 6 - 3);
      high[i] = base + (i % 700 < 120 ? 0 : 1);
      low[i] = base - (i % 700 < 120 ? 0 : 1);
      close[i] = base;
    }
    close[1500] = Number.NaN;
    high[2500] = Number.POSITIVE_INFINITY;
    low[3500] = Number.NEGATIVE_INFINITY;
    high[4500] = Number.POSITIVE_INFINITY;
    low[4500] = Number.NEGATIVE_INFINITY;
    for (const period of [2, 5, 14, 33]) {
      const { got, want } = both(high, low, close, period);
      expect(firstDifference(got, want), `period ${period}`).toBe(-1);
      // The flat runs do give TA-Lib's zero, and the special values NaN.
      expect(got[100]).toBe(0);
      expect(got[1500]).toBeNaN();
    }
  });
});

describe('the CCI tiles decline what they cannot do, and cci falls back', () => {
  it(`declines periods over ${MAX_CCI_TILE_PERIOD}, series of under eight bars past the warm-up, and when turned off`, () => {
    const { high, low, close } = randomWalk(3000, 5);
    const out = nanArray(3000, 3000);
    expect(cciTilesInto(high, low, close, MAX_CCI_TILE_PERIOD + 1, out, 1)).toBe(false);
    const first = (n: number) =>
      [high, low, close].map((x) => x.subarray(0, n)) as [Float64Array, Float64Array, Float64Array];
    expect(cciTilesInto(...first(27), 20, nanArray(27, 19), 1)).toBe(true);
    expect(cciTilesInto(...first(26), 20, out.subarray(0, 26), 1)).toBe(false);
    setWasmKernels(false);
    expect(cciTilesInto(high, low, close, 20, out, 1)).toBe(false);
    expect(out.every(Number.isNaN)).toBe(true); // nothing written when declining
  });

  it('cci gives the same values with the tiles on and off, inside and past their period limit', () => {
    const { high, low, close } = randomWalk(5000, 9);
    for (const period of [14, MAX_CCI_TILE_PERIOD + 1]) {
      const on = cci(high, low, close, period);
      const off = withoutTiles(() => cci(high, low, close, period));
      expect(firstDifference(on, off), `period ${period}`).toBe(-1);
    }
  });
});
