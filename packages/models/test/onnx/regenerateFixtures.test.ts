/**
 * The committed ONNX fixtures come from the committed script: when Debian's
 * python3-torch and python3-onnx are installed, regenerate them into a
 * temporary directory and check the recorded outputs are the committed ones
 * and the fresh models run through OnnxModel to the same values.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnnxModel } from '@sextant/models/onnx';
import { describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const script = new URL('../fixtures/onnx/generate.py', import.meta.url).pathname;
const committed = JSON.parse(readFileSync(new URL('../fixtures/onnx/expected.json', import.meta.url), 'utf8')) as {
  lstm: { rows: number[][]; windowOutputs: number[] };
  trees: { X: number[][]; Y: number[] };
};
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { stdio: 'ignore' }).status === 0;
if (!hasTorch)
  console.warn(
    `skipping ONNX fixture regeneration: ${PYTHON} with torch and onnx not found (apt-get install python3-torch python3-onnx)`,
  );

describe.skipIf(!hasTorch)('ONNX fixture generator', () => {
  it('reproduces the committed expected outputs, and its models run through OnnxModel', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sextant-onnx-'));
    try {
      execFileSync(PYTHON, [script, out], { stdio: ['ignore', 'ignore', 'ignore'] });
      const fresh = JSON.parse(readFileSync(join(out, 'expected.json'), 'utf8')) as typeof committed;
      expect(fresh.lstm).toEqual(committed.lstm);
      expect(fresh.trees).toEqual(committed.trees);
      const lstm = await OnnxModel.load(join(out, 'lstm.onnx'));
      const { values } = await lstm.predictWithTrust(fresh.lstm.rows);
      for (const [k, v] of fresh.lstm.windowOutputs.entries()) expect(Math.abs(values[k + 7]! - v)).toBeLessThan(1e-5);
      await lstm.dispose();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
