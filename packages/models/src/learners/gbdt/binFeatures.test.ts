import { describe, expect, it } from 'vitest';
import { toMatrix } from '../../data/toMatrix.js';
import { seededRandom as createRng } from '@sextant/core';
import { binFeatures, computeCuts, MISSING_BIN } from './binFeatures.js';

/** Reference bin: how many cuts are <= float32(v), counted one by one (xgboost's "bin b holds cuts[b-1] <= v < cuts[b]"). */
function referenceBin(cuts: Float32Array, v: number): number {
  if (Number.isNaN(v)) return MISSING_BIN;
  const x = Math.fround(v);
  let count = 0;
  for (const c of cuts) if (c <= x) count++;
  return count;
}

describe('binFeatures', () => {
  it('bins every cell as a linear count over the cuts, in both layouts, at cuts, ±0, ±Infinity and NaN', () => {
    const rand = createRng(7);
    const rows: number[][] = [];
    for (let r = 0; r < 3000; r++) {
      // a continuous column, a column of 5 levels (fewer values than bins), a heavy-tailed column
      rows.push([rand() * 2 - 1, Math.floor(rand() * 5) - 2, (rand() - 0.5) ** 5 * 1e6]);
    }
    const cuts = computeCuts(toMatrix(rows), 64);
    for (const [c, cut] of cuts.entries()) {
      for (const v of cut.slice(0, 20)) {
        for (const x of [v, Math.fround(v) - 1e-7, Math.fround(v) + 1e-7])
          rows.push([0, 0, 0].map((z, k) => (k === c ? x : z)));
      }
    }
    for (const s of [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 1e-40, -1e-40])
      rows.push([s, s, s]);
    for (const layout of ['row', 'col'] as const) {
      const binned = binFeatures(toMatrix(rows, { layout }), cuts);
      rows.forEach((row, r) => {
        row.forEach((v, c) => {
          expect(binned.bins[c * rows.length + r]).toBe(referenceBin(cuts[c]!, v));
        });
      });
    }
    expect(cuts[1]!.length).toBe(4);
  });

  it('puts every value of a constant feature (no cuts) in bin 0 and NaN in the missing bin', () => {
    const m = toMatrix([[3], [3], [Number.NaN]]);
    const cuts = computeCuts(m, 255);
    expect(cuts[0]!.length).toBe(0);
    expect(Array.from(binFeatures(m, cuts).bins)).toEqual([0, 0, MISSING_BIN]);
  });
});
