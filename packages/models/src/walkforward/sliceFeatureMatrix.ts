import { InvalidArgumentError } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { isFeatureFrame } from '../data/isFeatureFrame.js';
import type { FeatureMatrix } from '../Model.type.js';

/**
 * Rows `start..end-1` of a feature matrix, in the same form: a `number[][]`
 * slice, or a `FeatureFrame` whose columns are zero-copy `subarray`
 * views with the same names and hash (so the feature-hash guard still holds).
 *
 * @param X - rows x features, or a FeatureFrame
 * @param start - first row (inclusive)
 * @param end - last row (exclusive)
 * @returns the slice
 * @throws InvalidArgumentError when the range is not within `0..rows`
 * @example
 * ```ts
 * import { sliceFeatureMatrix } from '@sextant/models';
 * sliceFeatureMatrix([[1], [2], [3]], 1, 3); // [[2], [3]]
 * ```
 */
export function sliceFeatureMatrix(X: FeatureMatrix, start: number, end: number): FeatureMatrix {
  const rows = featureMatrixRows(X);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > rows || start > end) {
    throw new InvalidArgumentError(`Row range ${start}..${end} is outside the feature matrix of ${rows} rows`);
  }
  if (!isFeatureFrame(X)) return (X as readonly (readonly number[])[]).slice(start, end);
  const frame: FeatureFrame = {
    timestamp: X.timestamp.subarray(start, end),
    names: X.names,
    columns: X.columns.map((c) => c.subarray(start, end)),
    length: end - start,
    hash: X.hash,
  };
  return frame;
}

/**
 * Number of rows of a feature matrix of either form.
 *
 * @param X - rows x features, or a FeatureFrame
 * @returns the row count
 * @example
 * ```ts
 * import { featureMatrixRows } from '@sextant/models';
 * featureMatrixRows([[1, 2], [3, 4]]); // 2
 * ```
 */
export function featureMatrixRows(X: FeatureMatrix): number {
  return isFeatureFrame(X) ? X.length : (X as readonly unknown[]).length;
}
