/**
 * Pins the runtime exports of `@sextant/models` so the public surface changes
 * only on purpose: add a name here when you export it.
 */
import { expect, it } from 'vitest';
import * as models from './index.js';

it('exports exactly the documented names', () => {
  expect(Object.keys(models).sort()).toEqual(
    [
      // errors
      'BackendLimitError',
      'FeatureMismatchError',
      'ModelError',
      // data
      'FeatureRange',
      'isFeatureFrame',
      'toMatrix',
      'toTarget',
      'withLayout',
      // learners
      'BaseClassifier',
      'BaseLearner',
      'ClassEncoder',
      'DecisionTreeClassifier',
      'DecisionTreeConfigSchema',
      'DecisionTreeRegressor',
      'GradientBoostingClassifier',
      'GradientBoostingConfigSchema',
      'GradientBoostingRegressor',
      'LinearRegressor',
      'LinearRegressorConfigSchema',
      'ML_XGBOOST_MAX_CELLS',
      'MlXGBoostConfigSchema',
      'MlXGBoostRegressor',
      'RandomForestClassifier',
      'RandomForestConfigSchema',
      'RandomForestRegressor',
      'classificationMetrics',
      'createPredictor',
      'loadMlXGBoost',
      'loadModel',
      'regressionMetrics',
      // xgboost and LightGBM interop
      'LightGBMModel',
      'TreeEnsemble',
      'XGBOOST_OBJECTIVES',
      'XGBoostModel',
      'loadLightGBM',
      'loadXGBoostJSON',
      'parseLightGBM',
      'parseXGBoostJSON',
      'stringifyXGBoostJSON',
      'toXGBoostJSON',
      // ensembles, selection, walk-forward, calibration, confidence, store, drift, tracking
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
    ].sort(),
  );
});
