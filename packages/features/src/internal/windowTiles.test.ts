import { seededRandom } from '@sextant/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { firstDifference, randomWalk, withoutTiles } from '../../test/helpers/tiles.js';
import { stochastic } from '../kernels/stochastic.js';
import { stochRsi } from '../kernels/stochRsi.js';
import { willr } from '../kernels/willr.js';
import { nanArray } from './nanArray.js';
import { rawStochInto } from './rawStochInto.js';
import { rawStochPairInto } from './rawStochPairInto.js';
import { aroon, aroonInto } from '../kernels/aroon.js';
import { donchian } from '../kernels/donchian.js';
import { aroonTilesInto } from './aroonTilesInto.js';
import { donchianInto } from './donchianInto.js';
import { donchianTilesInto } from './donchianTilesInto.js';
import { stochTilesInto } from './stochTilesInto.js';
import { setWasmKernels } from './wasm/wasmModule.js';
import { MAX_TILE_PERIOD } from './windowTiles.js';

// The WebAssembly window tiles stand in for the JavaScript loops of
// rawStochInto, rawStochPairInto and donchianInto (TA-Lib's rescans, pinned
// to TA-Lib through the public kernels in test/talibExactness.test.ts). Each
// output must equal the loop's to the bit, NaN for NaN and the sign of every
// zero included.

afterEach(() => {
  setWasmKernels(true);
});

/** One array per tiled output, NaN up to the first full window of `period` bars. */
function outputs(n: number, period: number) {
  const make = () => nanArray(n, period - 1);
  return {
    k: make(),
    r: make(),
    upper: make(),
    lower: make(),
    middle: make(),
    pos: make(),
    width: make(),
    up: make(),
    down: make(),
  };
}

/**
 * The JavaScript loops' outputs over windows of `period` bars (%R times
 * `rScale`, Aroon's period being `period - 1`: the same windows), the tiles
 * turned off.
 */
function loops(h: Float64Array, l: Float64Array, c: Float64Array, period: number, rScale = 1) {
  const o = outputs(c.length, period);
  withoutTiles(() => {
    rawStochPairInto(h, l, c, period, o.k, o.r, rScale);
    donchianInto(h, l, period, o.upper, o.lower, o.middle, undefined);
    donchianInto(h, l, period, o.pos, o.width, undefined, c);
    aroonInto(h, l, period - 1, o.up, o.down, rScale);
  });
  return o;
}

/** The tiles' outputs, as {@link loops}, asserting that they ran. */
function tiled(h: Float64Array, l: Float64Array, c: Float64Array, period: number, rScale = 1) {
  const o = outputs(c.length, period);
  expect(stochTilesInto(h, l, c, period, o.k, o.r, rScale), 'tiles ran').toBe(true);
  expect(donchianTilesInto(h, l, period, o.upper, o.lower, o.middle, undefined), 'tiles ran').toBe(true);
  expect(donchianTilesInto(h, l, period, o.pos, o.width, undefined, c), 'tiles ran').toBe(true);
  expect(aroonTilesInto(h, l, period - 1, o.up, o.down, rScale), 'tiles ran').toBe(true);
  return o;
}

/** Every output of `got` equals `want`'s to the bit. */
function expectSame(got: ReturnType<typeof tiled>, want: ReturnType<typeof loops>, label: string) {
  for (const key of Object.keys(want) as (keyof typeof want)[])
    expect(firstDifference(got[key], want[key]), `${key} ${label}`).toBe(-1);
}

describe('the window tiles equal the JavaScript loops to the bit', () => {
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      for (const period of [2, 3, 5, 14, 16, 17, 30, 64, 100, 255, MAX_TILE_PERIOD]) {
        const want = loops(s.high, s.low, s.close, period, 0.01);
        const got = tiled(s.high, s.low, s.close, period, 0.01);
        expectSame(got, want, `period ${period}`);
      }
    });
  }

  it('at every tile boundary (2,048 bars a tile) and for series shorter than a window', () => {
    for (const period of [2, 14, 255]) {
      for (const n of [
        1,
        period - 1,
        period,
        period + 1,
        2047 + period,
        2048 + period,
        2049 + period,
        3 * 2048 + period + 5,
      ]) {
        const { high, low, close } = randomWalk(n, n + period);
        const want = loops(high, low, close, period);
        const got = tiled(high, low, close, period);
        expectSame(got, want, `period ${period}, n ${n}`);
      }
    }
  });

  it('on ties, flat stretches, negative values, infinities and NaN closes', () => {
    const rand = seededRandom(7);
    const n = 5000;
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const close = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Whole numbers from -3 to 3 (never 0), with long flat runs: many equal extremes.
      const base = i % 500 < 100 ? 2 : Math.round(rand() * 6 - 3) || 1;
      high[i] = base + (rand() < 0.5 ? 1 : 2) || 0.25;
      low[i] = base - (rand() < 0.5 ? 1 : 0.5) || -0.5;
      close[i] = i % 97 === 0 ? Number.NaN : base;
    }
    high[1234] = Number.POSITIVE_INFINITY;
    low[3456] = Number.NEGATIVE_INFINITY;
    for (const period of [2, 5, 14, 33]) {
      const want = loops(high, low, close, period);
      const got = tiled(high, low, close, period);
      expectSame(got, want, `period ${period}`);
    }
  });
});

describe('the window tiles decline what they cannot match, and the kernels fall back', () => {
  it('declines periods outside 2..256', () => {
    const { high, low, close } = randomWalk(600, 3);
    const out = nanArray(600, 0);
    expect(stochTilesInto(high, low, close, 1, out, undefined, 1)).toBe(false);
    expect(stochTilesInto(high, low, close, MAX_TILE_PERIOD + 1, out, undefined, 1)).toBe(false);
    expect(donchianTilesInto(high, low, MAX_TILE_PERIOD + 1, out, nanArray(600, 0), nanArray(600, 0), undefined)).toBe(
      false,
    );
  });

  it('declines when turned off', () => {
    const { high, low, close } = randomWalk(600, 3);
    setWasmKernels(false);
    expect(stochTilesInto(high, low, close, 14, nanArray(600, 13), undefined, 1)).toBe(false);
  });

  // A NaN or zero high or low can make pmax/pmin and TA-Lib's `>=` rescans
  // disagree (NaN order, the sign of a zero). Put one in the first tile and
  // one in a later tile (the tiles have then written earlier entries, which
  // the loop must overwrite).
  for (const [label, at, value] of [
    ['a NaN high in the first tile', 'high', Number.NaN],
    ['a zero low in a later tile', 'low', 0],
    ['a negative zero high in a later tile', 'high', -0],
  ] as const) {
    it(`declines ${label}; willr, stochastic, donchian and the pipeline forms still equal the loops`, () => {
      const n = 3 * 2048 + 100;
      const s = randomWalk(n, 11);
      const index = label.includes('first') ? 5 : 5000;
      s[at][index] = value;
      expect(stochTilesInto(s.high, s.low, s.close, 14, nanArray(n, 13), undefined, 1)).toBe(false);
      const want = loops(s.high, s.low, s.close, 14);
      const k = nanArray(n, 13);
      const r = nanArray(n, 13);
      rawStochPairInto(s.high, s.low, s.close, 14, k, r);
      expect(firstDifference(k, want.k)).toBe(-1);
      expect(firstDifference(r, want.r)).toBe(-1);
      expect(firstDifference(willr(s.high, s.low, s.close, 14), want.r)).toBe(-1);
      const fast = nanArray(n, 13);
      rawStochInto(s.high, s.low, s.close, 14, fast);
      expect(firstDifference(fast, want.k)).toBe(-1);
      expect(donchianTilesInto(s.high, s.low, 14, nanArray(n, 13), nanArray(n, 13), nanArray(n, 13), undefined)).toBe(
        false,
      );
      const d = donchian(s.high, s.low, 14);
      expect(firstDifference(d.upper, want.upper)).toBe(-1);
      expect(firstDifference(d.lower, want.lower)).toBe(-1);
      expect(firstDifference(d.middle, want.middle)).toBe(-1);
      const [pos, width] = [nanArray(n, 13), nanArray(n, 13)];
      donchianInto(s.high, s.low, 14, pos, width, undefined, s.close);
      expect(firstDifference(pos, want.pos)).toBe(-1);
      expect(firstDifference(width, want.width)).toBe(-1);
      expect(aroonTilesInto(s.high, s.low, 13, nanArray(n, 13), nanArray(n, 13), 1)).toBe(false);
      const a = aroon(s.high, s.low, 13);
      expect(firstDifference(a.up, want.up)).toBe(-1);
      expect(firstDifference(a.down, want.down)).toBe(-1);
    });
  }
});

describe('the public kernels give the same with the tiles on and off', () => {
  const s = loadSeries(seriesFiles()[0]!);
  const both = <T>(fn: () => T): [T, T] => [fn(), withoutTiles(fn)];

  it('willr', () => {
    const [on, off] = both(() => willr(s.high, s.low, s.close, 14));
    expect(firstDifference(on, off)).toBe(-1);
  });

  it('stochastic', () => {
    const [on, off] = both(() => stochastic(s.high, s.low, s.close, 14, 3, 3));
    expect(firstDifference(on.k, off.k)).toBe(-1);
    expect(firstDifference(on.d, off.d)).toBe(-1);
  });

  it('donchian', () => {
    const [on, off] = both(() => donchian(s.high, s.low, 20));
    expect(firstDifference(on.upper, off.upper)).toBe(-1);
    expect(firstDifference(on.lower, off.lower)).toBe(-1);
    expect(firstDifference(on.middle, off.middle)).toBe(-1);
  });

  it('aroon', () => {
    const [on, off] = both(() => aroon(s.high, s.low, 25));
    expect(firstDifference(on.up, off.up)).toBe(-1);
    expect(firstDifference(on.down, off.down)).toBe(-1);
  });

  it('stochRsi (RSI values as high, low and close, zeros included)', () => {
    const [on, off] = both(() => stochRsi(s.close, 14, 14, 3));
    expect(firstDifference(on.k, off.k)).toBe(-1);
    expect(firstDifference(on.d, off.d)).toBe(-1);
  });
});
