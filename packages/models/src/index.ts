export type { FeatureMatrix, FitOptions, Model, ModelManifest, PredictionResult } from './Model.type.js';
// Errors
export { FeatureMismatchError } from './errors/FeatureMismatchError.js';
export { ModelError } from './errors/ModelError.js';
// Data
export type { Matrix } from './data/Matrix.type.js';
export { toMatrix, type ToMatrixOptions } from './data/toMatrix.js';
export { toTarget } from './data/toTarget.js';
export { withLayout } from './data/withLayout.js';
export { isFeatureFrame } from './data/isFeatureFrame.js';
export { FeatureRange, type FeatureRangeJSON } from './data/FeatureRange.js';
// Learners
export { BaseLearner, type FitContext } from './learners/BaseLearner.js';
export type { LearnerJSON } from './learners/LearnerJSON.type.js';
export { createRng } from './learners/createRng.js';
export { regressionMetrics } from './learners/regressionMetrics.js';
export { classificationMetrics } from './learners/classificationMetrics.js';
export {
  LinearRegressor,
  LinearRegressorConfigSchema,
  type LinearRegressorConfig,
} from './learners/LinearRegressor.js';
export { GradientBoostingConfigSchema, type GradientBoostingConfig } from './learners/GradientBoostingConfigSchema.js';
export type { GbdtState } from './learners/GbdtState.type.js';
export { GradientBoostingRegressor } from './learners/GradientBoostingRegressor.js';
export { createPredictor, type CreatePredictorOptions } from './learners/createPredictor.js';
// xgboost interop
export type { TreeArrays } from './xgboost/TreeArrays.type.js';
export type { XGBoostJSON, XGBoostJSONTree } from './xgboost/XGBoostJSON.type.js';
export { XGBOOST_OBJECTIVES, type XGBoostObjective } from './xgboost/XGBOOST_OBJECTIVES.js';
export { TreeEnsemble, type TreeEnsembleSpec } from './xgboost/TreeEnsemble.js';
export { parseXGBoostJSON, type ParsedXGBoost } from './xgboost/parseXGBoostJSON.js';
export { toXGBoostJSON, type ToXGBoostJSONOptions } from './xgboost/toXGBoostJSON.js';
