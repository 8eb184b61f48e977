export type { FeatureMatrix, FitOptions, Model, ModelManifest, PredictionResult } from './Model.type.js';
