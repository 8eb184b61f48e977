import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMatrix } from '../data/toMatrix.js';
import { parseXGBoostJSON } from './parseXGBoostJSON.js';
import type { TreeArrays } from './TreeArrays.type.js';
import { TreeEnsemble, type TreeEnsembleSpec } from './TreeEnsemble.js';

// Native xgboost 1.7.4 fixtures (see test/fixtures/xgboost/generate.py).
const fixture = (name: string) => new URL(`../../test/fixtures/xgboost/${name}`, import.meta.url);

/**
 * Independent reference: xgboost's CPU predictor written out plainly (follow
 * child pointers, `float32(x) < threshold` goes left, NaN takes the default
 * side, leaves summed in float32 per group in tree order).
 */
function referenceMargins(spec: TreeEnsembleSpec, row: readonly number[]): number[] {
  const out = Array.from(spec.baseMargin, (v) => Math.fround(v));
  spec.trees.forEach((t: TreeArrays, ti) => {
    let i = 0;
    while (t.left[i]! >= 0) {
      const v = Math.fround(row[t.feature[i]!]!);
      if (Number.isNaN(v)) i = t.defaultLeft[i] === 1 ? t.left[i]! : t.right[i]!;
      else i = v < t.threshold[i]! ? t.left[i]! : t.right[i]!;
    }
    const g = spec.treeGroup[ti]!;
    out[g] = Math.fround(out[g]! + t.threshold[i]!);
  });
  return out;
}

function rowsFor(spec: TreeEnsembleSpec, X: number[][]): number[][] {
  const rows = X.map((r) => [...r]);
  // Exact thresholds and their float32 neighbours, plus NaN, ±0 and ±Infinity cells.
  const t = spec.trees[0]!;
  for (let n = 0; n < t.left.length; n++) {
    if (t.left[n]! < 0) continue;
    for (const v of [t.threshold[n]!, t.threshold[n]! - 1e-6, t.threshold[n]! + 1e-6]) {
      const row = [...X[n % X.length]!];
      row[t.feature[n]!] = v;
      rows.push(row);
    }
  }
  for (const special of [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
    rows.push(X[0]!.map((v, c) => (c % 3 === 0 ? special : v)));
  }
  return rows;
}

describe('PerfectTrees (pointer-free walk inside TreeEnsemble)', () => {
  for (const name of ['regression', 'binary', 'multiclass']) {
    it(`${name}: batch and one-row margins equal the reference pointer walk bit for bit`, () => {
      const { ensemble } = parseXGBoostJSON(readFileSync(fixture(`${name}.model.json`), 'utf8'));
      const data = JSON.parse(readFileSync(fixture(`${name}.data.json`), 'utf8')) as { X: (number | null)[][] };
      // The fixture writes missing values as null.
      const rows = rowsFor(
        ensemble.spec,
        data.X.map((r) => r.map((v) => v ?? Number.NaN)),
      );
      const K = ensemble.spec.numGroup;
      const batch = ensemble.predictMargins(toMatrix(rows));
      rows.forEach((row, r) => {
        const ref = referenceMargins(ensemble.spec, row);
        expect(Array.from(batch.subarray(r * K, r * K + K))).toEqual(ref);
        expect(Array.from(ensemble.marginRow(row))).toEqual(ref);
        // one-output identity models: the one-row fast path sums in a register, still in tree order
        if (name === 'regression') expect(ensemble.predictRow(row)).toBe(ref[0]);
      });
    });
  }

  it('trees too deep to pad keep the pointer walk and still match the reference', () => {
    // A chain of 12 splits on feature 0 (thresholds 1..12): depth 12 is above the padding limit.
    const depth = 12;
    const n = 2 * depth + 1;
    const left = new Int32Array(n).fill(-1);
    const right = new Int32Array(n).fill(-1);
    const threshold = new Float32Array(n);
    for (let d = 0; d < depth; d++) {
      const node = 2 * d;
      left[node] = node + 1;
      right[node] = node + 2;
      threshold[node] = d + 1;
      threshold[node + 1] = d;
    }
    threshold[n - 1] = 100;
    const tree: TreeArrays = {
      left,
      right,
      feature: new Int32Array(n),
      threshold,
      defaultLeft: new Uint8Array(n).fill(1),
      baseWeight: new Float32Array(n),
      lossChange: new Float32Array(n),
      sumHessian: new Float32Array(n),
    };
    const spec: TreeEnsembleSpec = {
      trees: [tree],
      treeGroup: [0],
      numGroup: 1,
      numFeature: 1,
      baseMargin: [0.5],
      objective: 'reg:squarederror',
    };
    const ensemble = new TreeEnsemble(spec);
    const rows = [[0], [1], [5.5], [12], [13], [Number.NaN], [-0]];
    const batch = ensemble.predictMargins(toMatrix(rows));
    rows.forEach((row, r) => {
      expect(batch[r]).toBe(referenceMargins(spec, row)[0]);
      expect(ensemble.predictRow(row)).toBe(referenceMargins(spec, row)[0]);
    });
    expect(batch[4]).toBe(100.5);
  });
});
