import { z } from 'zod';
import { trustMarginField } from './trustMarginField.js';

/**
 * Config of {@link RandomForestRegressor} and {@link RandomForestClassifier}
 * (scikit-learn names in camelCase).
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { RandomForestConfigSchema } from '@sextant/models';
 * parseWith(RandomForestConfigSchema, { nEstimators: 200, maxFeatures: 'sqrt', seed: 1 });
 * ```
 */
export const RandomForestConfigSchema = z.strictObject({
  /** Number of trees (`n_estimators`). @default 100 */
  nEstimators: z.number().int().min(1).max(10_000).default(100),
  /** Maximum depth; histogram trees need a limit. @default 10 */
  maxDepth: z.number().int().min(1).max(30).default(10),
  /** Minimum (bootstrap-weighted) samples in a leaf (`min_samples_leaf`). @default 1 */
  minSamplesLeaf: z.number().min(1).default(1),
  /**
   * Features tried per split: a fraction in (0, 1], `sqrt` or `log2`
   * (`max_features`). @default 1 for the regressor, 'sqrt' for the classifier
   */
  maxFeatures: z.union([z.number().gt(0).max(1), z.enum(['sqrt', 'log2'])]).optional(),
  /** Sample rows with replacement per tree (`bootstrap`). @default true */
  bootstrap: z.boolean().default(true),
  /** Histogram bins per feature (one bin code is kept for missing values). @default 255 */
  maxBin: z.number().int().min(2).max(255).default(255),
  /** Seed of bootstrap and feature sampling (`random_state`). @default 0 */
  seed: z.number().int().default(0),
  /** See FeatureRange. @default 0.5 */
  trustMargin: trustMarginField,
});

/** What users write for the random forests. */
export type RandomForestConfig = z.input<typeof RandomForestConfigSchema>;

/** Number of features tried per split. */
export function featuresPerSplit(
  maxFeatures: number | 'sqrt' | 'log2' | undefined,
  cols: number,
  fallback: 'all' | 'sqrt',
): number {
  const m = maxFeatures ?? (fallback === 'all' ? 1 : 'sqrt');
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(cols)));
  return Math.max(1, Math.floor(m * cols));
}
