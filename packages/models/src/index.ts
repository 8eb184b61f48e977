export type { FeatureMatrix, FitOptions, Model, ModelManifest, PredictionResult } from './Model.type.js';
// Errors
export { FeatureMismatchError } from './errors/FeatureMismatchError.js';
export { ModelError } from './errors/ModelError.js';
export { BackendLimitError } from './errors/BackendLimitError.js';
// Data
export type { Matrix } from './data/Matrix.type.js';
export { toMatrix, type ToMatrixOptions } from './data/toMatrix.js';
export { toTarget } from './data/toTarget.js';
export { withLayout } from './data/withLayout.js';
export { isFeatureFrame } from './data/isFeatureFrame.js';
export { FeatureRange, type FeatureRangeJSON } from './data/FeatureRange.js';
// Learners
export { BaseLearner, type FitContext } from './learners/BaseLearner.js';
export { BaseClassifier } from './learners/BaseClassifier.js';
export type { LearnerJSON } from './learners/LearnerJSON.type.js';
export { regressionMetrics } from './learners/regressionMetrics.js';
export { classificationMetrics } from './learners/classificationMetrics.js';
export {
  LinearRegressor,
  LinearRegressorConfigSchema,
  type LinearRegressorConfig,
  type LinearState,
} from './learners/LinearRegressor.js';
export { GradientBoostingConfigSchema, type GradientBoostingConfig } from './learners/GradientBoostingConfigSchema.js';
export type { GbdtState } from './learners/GbdtState.type.js';
export { GradientBoostingRegressor } from './learners/GradientBoostingRegressor.js';
export { GradientBoostingClassifier } from './learners/GradientBoostingClassifier.js';
export { ClassEncoder } from './learners/ClassEncoder.js';
export { RandomForestConfigSchema, type RandomForestConfig } from './learners/RandomForestConfigSchema.js';
export { RandomForestRegressor } from './learners/RandomForestRegressor.js';
export { RandomForestClassifier } from './learners/RandomForestClassifier.js';
export { DecisionTreeConfigSchema, type DecisionTreeConfig } from './learners/tree/DecisionTreeConfigSchema.js';
export { DecisionTreeRegressor, type DecisionTreeRegressorState } from './learners/DecisionTreeRegressor.js';
export { DecisionTreeClassifier, type DecisionTreeClassifierState } from './learners/DecisionTreeClassifier.js';
export { loadModel } from './learners/loadModel.js';
export {
  ML_XGBOOST_MAX_CELLS,
  MlXGBoostConfigSchema,
  MlXGBoostRegressor,
  type MlXGBoostConfig,
  type MlXGBoostState,
} from './learners/MlXGBoostRegressor.js';
export type { MlXGBoostBackend, MlXGBoostBooster } from './learners/mlxgboost/MlXGBoostBackend.type.js';
export { loadMlXGBoost } from './learners/mlxgboost/loadMlXGBoost.js';
export { createPredictor, type CreatePredictorOptions } from './learners/createPredictor.js';
// xgboost interop
export type { TreeArrays } from './xgboost/TreeArrays.type.js';
export type { XGBoostJSON, XGBoostJSONTree } from './xgboost/XGBoostJSON.type.js';
export { XGBOOST_OBJECTIVES, type XGBoostObjective } from './xgboost/XGBOOST_OBJECTIVES.js';
export { TreeEnsemble, type TreeEnsembleSpec } from './xgboost/TreeEnsemble.js';
export { parseXGBoostJSON, type ParsedXGBoost } from './xgboost/parseXGBoostJSON.js';
export { toXGBoostJSON, type ToXGBoostJSONOptions } from './xgboost/toXGBoostJSON.js';
export { stringifyXGBoostJSON } from './xgboost/stringifyXGBoostJSON.js';
export { XGBoostModel, type XGBoostModelJSON } from './xgboost/XGBoostModel.js';
export { loadXGBoostJSON, type LoadXGBoostJSONOptions } from './xgboost/loadXGBoostJSON.js';
// LightGBM interop
export type { LightGBMTree } from './lightgbm/LightGBMTree.type.js';
export { parseLightGBM, type ParsedLightGBM } from './lightgbm/parseLightGBM.js';
export { LightGBMModel, type LightGBMModelJSON } from './lightgbm/LightGBMModel.js';
export { loadLightGBM, type LoadLightGBMOptions } from './lightgbm/loadLightGBM.js';
// Model operations: selection, walk-forward, ensembles, calibration, confidence, store, drift, tracking
export { scoreRegression, type RegressionScores } from './selection/scoreRegression.js';
export { scoreClassification, type ClassificationScores } from './selection/scoreClassification.js';
export {
  trainAndSelect,
  type Candidate,
  type CandidateScore,
  type SelectionResult,
  type TrainAndSelectOptions,
} from './selection/trainAndSelect.js';
export { featureMatrixRows, sliceFeatureMatrix } from './walkforward/sliceFeatureMatrix.js';
export { sampleParams, type ParamRange, type ParamSpace } from './walkforward/sampleParams.js';
export { walkForwardFolds, type WalkForwardFold, type WalkForwardWindows } from './walkforward/walkForwardFolds.js';
export {
  walkForward,
  type WalkForwardFoldResult,
  type WalkForwardOptions,
  type WalkForwardResult,
} from './walkforward/walkForward.js';
export type { ModelLoader } from './ensembles/ModelLoader.type.js';
export {
  VotingEnsemble,
  type VotingEnsembleJSON,
  type VotingEnsembleOptions,
  type VotingMember,
} from './ensembles/VotingEnsemble.js';
export {
  StackingEnsemble,
  type StackingEnsembleJSON,
  type StackingFitOptions,
  type StackingInputs,
  type StackingMember,
} from './ensembles/StackingEnsemble.js';
export type { Calibrator } from './calibration/Calibrator.type.js';
export { IsotonicCalibrator, type IsotonicCalibratorJSON } from './calibration/IsotonicCalibrator.js';
export { PlattCalibrator, type PlattCalibratorJSON } from './calibration/PlattCalibrator.js';
export { confidence, type ConfidenceInput } from './confidence/confidence.js';
export type { StorableModel, StoredManifest, StoredModelInfo } from './store/StoredModel.type.js';
export { ModelStoreError } from './store/ModelStoreError.js';
export {
  ModelStore,
  type LoadModelOptions,
  type ModelStoreOptions,
  type SaveModelOptions,
} from './store/ModelStore.js';
export { psi, type PsiOptions } from './drift/psi.js';
export { ksTest, type KsResult } from './drift/ksTest.js';
export {
  DriftMonitor,
  DriftMonitorConfigSchema,
  type ColumnDrift,
  type DriftMonitorConfig,
  type DriftMonitorEvents,
  type DriftReport,
  type DriftSample,
} from './drift/DriftMonitor.js';
export { retrainDecision, type RetrainDecision, type RetrainDecisionInput } from './drift/retrainDecision.js';
export { promoteIfBetter, type PromoteIfBetterOptions, type PromotionResult } from './drift/promoteIfBetter.js';
export type { PredictionStore, TrackedPrediction } from './tracking/TrackedPrediction.type.js';
export { MemoryPredictionStore } from './tracking/MemoryPredictionStore.js';
export { FilePredictionStore } from './tracking/FilePredictionStore.js';
export {
  PredictionTracker,
  type CalibrationBin,
  type PredictionTrackerOptions,
  type RecordPredictionInput,
  type TrackerStats,
} from './tracking/PredictionTracker.js';
