import { z } from 'zod';
import { trustMarginField } from './trustMarginField.js';

/**
 * Config of {@link GradientBoostingRegressor} and
 * {@link GradientBoostingClassifier}; names and defaults follow xgboost's
 * scikit-learn API where they mean the same.
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { GradientBoostingConfigSchema } from '@sextant/models';
 * parseWith(GradientBoostingConfigSchema, { nEstimators: 200, maxDepth: 6, learningRate: 0.1 });
 * ```
 */
export const GradientBoostingConfigSchema = z.strictObject({
  /** Boosting rounds (`n_estimators`). @default 100 */
  nEstimators: z.number().int().min(1).max(100_000).default(100),
  /** Maximum tree depth (`max_depth`); 0 grows stumps without splits. @default 6 */
  maxDepth: z.number().int().min(0).max(24).default(6),
  /** Shrinkage per tree (`learning_rate`, `eta`). @default 0.3 */
  learningRate: z.number().gt(0).max(1).default(0.3),
  /** Fraction of rows sampled (without replacement, Bernoulli) per round (`subsample`). @default 1 */
  subsample: z.number().gt(0).max(1).default(1),
  /** Fraction of features sampled per tree (`colsample_bytree`). @default 1 */
  colsampleByTree: z.number().gt(0).max(1).default(1),
  /** Minimum sum of hessians in a child (`min_child_weight`). @default 1 */
  minChildWeight: z.number().min(0).default(1),
  /** L2 penalty on leaf weights (`reg_lambda`). @default 1 */
  lambda: z.number().min(0).default(1),
  /** Minimum gain to split (`gamma`, `min_split_loss`). @default 0 */
  gamma: z.number().min(0).default(0),
  /** Histogram bins per feature (xgboost `max_bin`; one bin code is kept for missing values). @default 255 */
  maxBin: z.number().int().min(2).max(255).default(255),
  /** Seed of row and column sampling (`random_state`). @default 0 */
  seed: z.number().int().default(0),
  /** Stop when the validation metric has not improved for this many rounds; keeps the best round. */
  earlyStoppingRounds: z.number().int().min(1).optional(),
  /** See FeatureRange. @default 0.5 */
  trustMargin: trustMarginField,
});

/** What users write for the gradient boosting learners. */
export type GradientBoostingConfig = z.input<typeof GradientBoostingConfigSchema>;
