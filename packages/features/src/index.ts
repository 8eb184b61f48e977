export type { FeatureFrame } from './FeatureFrame.type.js';
