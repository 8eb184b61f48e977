import type { FeatureFrame } from '@sextant/features';

/**
 * Whether `value` is a {@link FeatureFrame} (columns + names + hash) rather
 * than a `number[][]`.
 *
 * @param value - a feature matrix of either form
 * @returns true for a FeatureFrame
 * @example
 * ```ts
 * import { isFeatureFrame } from '@sextant/models';
 * isFeatureFrame([[1, 2]]); // false
 * ```
 */
export function isFeatureFrame(value: unknown): value is FeatureFrame {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Partial<FeatureFrame>;
  return Array.isArray(v.columns) && Array.isArray(v.names) && typeof v.hash === 'string' && typeof v.length === 'number';
}
