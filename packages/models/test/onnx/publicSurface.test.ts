/**
 * Pins the model-operations part of the public surface: the exact exports of
 * `@sextant/models/onnx`, and the runtime names this part adds to
 * `@sextant/models` (the learners pin theirs in src/index.test.ts).
 */
import * as models from '@sextant/models';
import * as onnx from '@sextant/models/onnx';
import { describe, expect, it } from 'vitest';

describe('public surface of model operations', () => {
  it('@sextant/models/onnx exports exactly OnnxModel, createOnnxPredictor and readOnnxMetadata', () => {
    expect(Object.keys(onnx).sort()).toEqual(['OnnxModel', 'createOnnxPredictor', 'readOnnxMetadata']);
  });

  it('@sextant/models exports the model-operations runtime names', () => {
    const names = [
      'DriftMonitor',
      'DriftMonitorConfigSchema',
      'FilePredictionStore',
      'IsotonicCalibrator',
      'MemoryPredictionStore',
      'ModelStore',
      'ModelStoreError',
      'PlattCalibrator',
      'PredictionTracker',
      'StackingEnsemble',
      'VotingEnsemble',
      'confidence',
      'featureMatrixRows',
      'ksTest',
      'promoteIfBetter',
      'psi',
      'retrainDecision',
      'sampleParams',
      'scoreClassification',
      'scoreRegression',
      'sliceFeatureMatrix',
      'trainAndSelect',
      'walkForward',
      'walkForwardFolds',
    ];
    const exported = new Set(Object.keys(models));
    expect(names.filter((n) => !exported.has(n))).toEqual([]);
    expect(exported.has('OnnxModel')).toBe(false);
  });
});
