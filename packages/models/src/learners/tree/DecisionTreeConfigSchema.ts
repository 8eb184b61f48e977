import { z } from 'zod';
import { trustMarginField } from '../trustMarginField.js';

/**
 * Config of {@link DecisionTreeRegressor} and {@link DecisionTreeClassifier}
 * (ml-cart's CART; exact splits, fine for small data).
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { DecisionTreeConfigSchema } from '@sextant/models';
 * parseWith(DecisionTreeConfigSchema, { maxDepth: 5 });
 * ```
 */
export const DecisionTreeConfigSchema = z.strictObject({
  /** Maximum depth. @default 8 */
  maxDepth: z.number().int().min(1).max(64).default(8),
  /** Minimum samples to split a node further (ml-cart `minNumSamples`). @default 3 */
  minSamples: z.number().int().min(1).default(3),
  /** Minimum gain of a split (ml-cart `gainThreshold`, classifier only). @default 0.01 */
  gainThreshold: z.number().min(0).default(0.01),
  /** See FeatureRange. @default 0.5 */
  trustMargin: trustMarginField,
});

/** What users write for the decision trees. */
export type DecisionTreeConfig = z.input<typeof DecisionTreeConfigSchema>;
