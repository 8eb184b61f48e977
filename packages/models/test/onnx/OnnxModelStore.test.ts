/** An ONNX model kept in the ModelStore: the .onnx file travels as an extra file of the version. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError } from '@sextant/core';
import { ModelStore } from '@sextant/models';
import { OnnxModel } from '@sextant/models/onnx';
import { describe, expect, it } from 'vitest';

const fixture = new URL('../fixtures/onnx/trees.onnx', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../fixtures/onnx/expected.json', import.meta.url), 'utf8')) as {
  trees: { X: number[][]; Y: number[] };
};

describe('OnnxModel in the ModelStore', () => {
  it('saves the ONNX file with the manifest from its metadata and loads it back with the feature-hash check', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sextant-onnx-store-'));
    const store = new ModelStore<OnnxModel>({ root, load: (_json, dir) => OnnxModel.load(join(dir, 'model.onnx')) });
    const original = await OnnxModel.load(fixture);
    try {
      const saved = await store.save('ETH/BTC', '10m', original, {
        files: { 'model.onnx': readFileSync(fixture) },
        promote: true,
      });
      expect(saved.manifest).toMatchObject({
        kind: 'onnx',
        featureHash: 'fx-trees-0001',
        horizon: '10m',
        files: ['model.onnx'],
      });
      const { model } = await store.load('ETH/BTC', '10m', { featureHash: 'fx-trees-0001' });
      expect(Array.from(await model.predict(expected.trees.X))).toEqual(
        Array.from(await original.predict(expected.trees.X)),
      );
      await model.dispose();
      await expect(store.load('ETH/BTC', '10m', { featureHash: 'another' })).rejects.toSatisfy((e) =>
        isSextantError(e, 'FEATURE_MISMATCH'),
      );
    } finally {
      await original.dispose();
      await rm(root, { recursive: true, force: true });
    }
  });
});
