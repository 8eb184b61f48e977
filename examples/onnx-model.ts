// Run a model exported to ONNX (here a tree ensemble built with onnx.helper,
// shipped as a test fixture of @sextant/models) through onnxruntime-node. Its
// Sextant manifest (feature names, hash) travels in the ONNX metadata.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OnnxModel } from '@sextant/models/onnx';
import { isMain } from './data.js';

const FIXTURES = new URL('../packages/models/test/fixtures/onnx/', import.meta.url);

export async function main(): Promise<{ featureNames: string[]; maxError: number }> {
  const model = await OnnxModel.load(fileURLToPath(new URL('trees.onnx', FIXTURES)));
  try {
    const expected = JSON.parse(await readFile(new URL('expected.json', FIXTURES), 'utf8')) as {
      trees: { X: number[][]; Y: number[] };
    };
    const { values, trusted } = await model.predictWithTrust(expected.trees.X);
    let maxError = 0;
    for (let i = 0; i < values.length; i++)
      maxError = Math.max(maxError, Math.abs((values[i] as number) - (expected.trees.Y[i] as number)));
    console.log(
      `${model.manifest.kind} model on ${model.manifest.featureNames.join(', ')} (hash ${model.manifest.featureHash})`,
    );
    console.log(
      `${values.length} predictions, ${trusted.reduce((s, t) => s + t, 0)} trusted, max error vs onnx reference ${maxError}`,
    );
    return { featureNames: model.manifest.featureNames, maxError };
  } finally {
    await model.dispose();
  }
}

if (isMain(import.meta.url)) await main();
