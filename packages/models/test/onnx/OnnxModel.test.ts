/**
 * OnnxModel against the fixtures of test/fixtures/onnx/generate.py: an LSTM
 * exported from PyTorch (expected outputs computed by PyTorch itself) and an
 * onnx.helper TreeEnsembleRegressor (expected outputs from a plain-Python walk
 * of the same trees in float32).
 */
import { readFileSync } from 'node:fs';
import { isSextantError } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { OnnxModel, readOnnxMetadata } from '@sextant/models/onnx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = new URL('../fixtures/onnx/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  lstm: { rows: number[][]; windowOutputs: number[] };
  trees: { X: number[][]; Y: number[] };
};
const path = (f: string) => new URL(f, dir).pathname;

function frame(rows: number[][], names: string[], hash: string): FeatureFrame {
  return {
    timestamp: Float64Array.from(rows, (_, i) => i * 300_000),
    names,
    columns: names.map((_, c) => Float64Array.from(rows, (r) => r[c]!)),
    length: rows.length,
    hash,
  };
}

describe('OnnxModel: TreeEnsembleRegressor built with onnx.helper', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.load(path('trees.onnx'), { batchSize: 10 });
  });
  afterAll(() => model.dispose());

  it('reads the feature manifest from the ONNX metadata', () => {
    expect(model.manifest.featureNames).toEqual(['x0', 'x1', 'x2']);
    expect(model.manifest.featureHash).toBe('fx-trees-0001');
    expect(model.manifest.horizon).toBe('10m');
    expect(model.sequenceLength).toBe(1);
    expect(model.featureCount).toBe(3);
  });

  it('predicts the values the generating script recorded, across several batches', async () => {
    const out = await model.predict(expected.trees.X);
    expect(out.length).toBe(64);
    // float32 outputs of the same float32 tree walk: equal to float32 precision
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected.trees.Y[i]!, 6);
  });

  it('accepts a frame of its pipeline and refuses another hash or other names', async () => {
    const X = expected.trees.X.slice(0, 5);
    const ok = await model.predict(frame(X, ['x0', 'x1', 'x2'], 'fx-trees-0001'));
    expect(Array.from(ok)).toEqual(expected.trees.Y.slice(0, 5).map((v) => Math.fround(v)));
    const bad = await model.predict(frame(X, ['x0', 'x1', 'x2'], 'other')).catch((e: unknown) => e);
    expect(isSextantError(bad, 'FEATURE_MISMATCH')).toBe(true);
    expect((bad as Error).message).toContain('"other"');
    const renamed = await model.predict(frame(X, ['x0', 'x2', 'x1'], 'fx-trees-0001')).catch((e: unknown) => e);
    expect(isSextantError(renamed, 'FEATURE_MISMATCH')).toBe(true);
    const narrow = await model.predict([[1, 2]]).catch((e: unknown) => e);
    expect(isSextantError(narrow, 'FEATURE_MISMATCH')).toBe(true);
  });

  it('flags rows with NaN inputs instead of returning a number', async () => {
    const X = [expected.trees.X[0]!, [Number.NaN, 0, 0], expected.trees.X[2]!];
    const { values, trusted } = await model.predictWithTrust(X);
    expect(Array.from(trusted)).toEqual([1, 0, 1]);
    expect(values[1]).toBeNaN();
    expect(values[2]).toBeCloseTo(expected.trees.Y[2]!, 6);
  });

  it('flags rows far outside the training range from the sextant.featureRange metadata, keeping their value', async () => {
    // training range [-2, 2] with margin 0.5: up to 4 is tolerated, 4.5 is not
    const { values, trusted } = await model.predictWithTrust([
      [3.9, 0, 0],
      [4.5, 0, 0],
    ]);
    expect(Array.from(trusted)).toEqual([1, 0]);
    // tree walk by hand: x0 > 0.5 -> 1.5; x2 = 0 <= 0 -> -0.5; base 0.125
    expect(values[1]).toBeCloseTo(1.5 - 0.5 + 0.125, 6);
  });

  it('cannot be trained and serialises to its path and manifest', () => {
    expect(() => model.fit()).toThrow(/cannot be trained here/);
    const json = model.toJSON();
    expect(json.path).toBe(path('trees.onnx'));
    expect(json.manifest.featureHash).toBe('fx-trees-0001');
  });
});

describe('OnnxModel: LSTM exported from PyTorch', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.load(path('lstm.onnx'), { batchSize: 5 });
  });
  afterAll(() => model.dispose());

  it('reads the look-back and manifest from the metadata', () => {
    expect(model.sequenceLength).toBe(8);
    expect(model.featureCount).toBe(4);
    expect(model.manifest.target).toBe('ret_1h');
    expect(model.manifest.featureNames).toEqual(['ret_1', 'ret_3', 'rsi_14', 'vol_z']);
  });

  it('predicts each full window as PyTorch did, in batches, and flags the warm-up rows', async () => {
    const { rows, windowOutputs } = expected.lstm;
    const { values, trusted } = await model.predictWithTrust(rows);
    expect(values.length).toBe(rows.length);
    for (let i = 0; i < 7; i++) {
      expect(values[i]).toBeNaN();
      expect(trusted[i]).toBe(0);
    }
    windowOutputs.forEach((v, k) => {
      expect(trusted[k + 7]).toBe(1);
      // ONNX runtime and PyTorch both compute in float32; kernels differ in summation order
      expect(Math.abs(values[k + 7]! - v)).toBeLessThan(1e-5);
    });
  });

  it('flags every window that contains a NaN row', async () => {
    const rows = expected.lstm.rows.map((r) => [...r]);
    rows[10]![2] = Number.NaN;
    const { trusted } = await model.predictWithTrust(rows);
    for (let i = 10; i < 18; i++) expect(trusted[i]).toBe(0);
    expect(trusted[9]).toBe(1);
    expect(trusted[18]).toBe(1);
  });
});

describe('OnnxModel bad inputs', () => {
  it('refuses a missing file, a non-ONNX file and bad options with typed errors', async () => {
    const missing = await OnnxModel.load(path('nope.onnx')).catch((e: unknown) => e);
    expect(isSextantError(missing, 'MODEL')).toBe(true);
    expect((missing as Error).message).toContain('nope.onnx');
    const notOnnx = await OnnxModel.load(path('expected.json')).catch((e: unknown) => e);
    expect(isSextantError(notOnnx, 'MODEL')).toBe(true);
    const output = await OnnxModel.load(path('trees.onnx'), { outputName: 'nope' }).catch((e: unknown) => e);
    expect(isSextantError(output, 'MODEL')).toBe(true);
    expect((output as Error).message).toContain('no output "nope" (outputs: Y)');
    const batch = await OnnxModel.load(path('trees.onnx'), { batchSize: 0 }).catch((e: unknown) => e);
    expect(isSextantError(batch, 'INVALID_ARGUMENT')).toBe(true);
    expect((batch as Error).message).toContain('got 0');
  });

  it('reads metadata straight from the protobuf and refuses truncated bytes', () => {
    const bytes = readFileSync(path('lstm.onnx'));
    expect(readOnnxMetadata(bytes)['sextant.sequenceLength']).toBe('8');
    expect(() => readOnnxMetadata(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
  });
});
