/**
 * Pins the exact exports of `@sextant/models/onnx`, and keeps them out of the
 * main entry (whose every name src/index.test.ts pins).
 */
import * as models from '@sextant/models';
import * as onnx from '@sextant/models/onnx';
import { describe, expect, it } from 'vitest';

describe('public surface of model operations', () => {
  it('@sextant/models/onnx exports exactly OnnxModel, createOnnxPredictor and readOnnxMetadata', () => {
    expect(Object.keys(onnx).sort()).toEqual(['OnnxModel', 'createOnnxPredictor', 'readOnnxMetadata']);
  });

  it('@sextant/models does not carry the ONNX runtime names (every main-entry name is pinned in src/index.test.ts)', () => {
    expect(Object.keys(models)).not.toContain('OnnxModel');
  });
});
