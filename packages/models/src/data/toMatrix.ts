import { InvalidArgumentError } from '@sextant/core';
import { FeatureMismatchError } from '../errors/FeatureMismatchError.js';
import type { FeatureMatrix } from '../Model.type.js';
import type { Matrix } from './Matrix.type.js';
import { isFeatureFrame } from './isFeatureFrame.js';

/** Rows per tile of the frame-to-row-major transpose. */
const TILE = 128;

/** Options of {@link toMatrix}. */
export interface ToMatrixOptions {
  /** Memory order of the result. @default 'row' */
  layout?: 'row' | 'col';
  /** Feature hash the model was trained on; a FeatureFrame with another non-empty hash is refused. `''` skips the check. */
  expectedHash?: string;
  /** Number of columns the model expects. */
  expectedCols?: number;
  /** Feature names the model was trained on; a FeatureFrame with other names is refused. */
  expectedNames?: readonly string[];
}

/**
 * Convert `number[][]` or a `FeatureFrame` (from `@sextant/features`) into one dense
 * `Float64Array` (row- or column-major), checking it against what a model
 * expects. NaN and ±Infinity cells are kept (models flag such rows untrusted);
 * anything that is not a number is refused.
 *
 * @param X - rows x features, or a FeatureFrame
 * @param options - layout and the model's expectations
 * @returns the dense matrix with the frame's names, hash and timestamps
 * @throws FeatureMismatchError when the frame hash, names or column count differ from the expected ones
 * @throws InvalidArgumentError on ragged rows, non-numeric cells or an empty matrix
 * @example
 * ```ts
 * import { toMatrix } from '@sextant/models';
 * const m = toMatrix([[1, 2], [3, 4]], { layout: 'col' });
 * m.data; // Float64Array [1, 3, 2, 4]
 * ```
 */
export function toMatrix(X: FeatureMatrix, options: ToMatrixOptions = {}): Matrix {
  const layout = options.layout ?? 'row';
  if (isFeatureFrame(X)) return fromFrame(X, layout, options);
  if (!Array.isArray(X)) throw new InvalidArgumentError(`Feature matrix must be number[][] or a FeatureFrame, got ${typeof X}`);
  const rows = X.length;
  if (rows === 0) throw new InvalidArgumentError('Feature matrix has no rows');
  const first = X[0];
  if (!Array.isArray(first)) throw new InvalidArgumentError(`Row 0 of the feature matrix is not an array: ${String(first)}`);
  const cols = first.length;
  checkCols(cols, options.expectedCols);
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = X[r];
    if (!Array.isArray(row) || row.length !== cols) {
      throw new InvalidArgumentError(
        `Row ${r} of the feature matrix has ${Array.isArray(row) ? row.length : 'no'} columns, expected ${cols}`,
      );
    }
    for (let c = 0; c < cols; c++) {
      const v = row[c] as unknown;
      if (typeof v !== 'number') {
        throw new InvalidArgumentError(`Cell [${r}][${c}] of the feature matrix is not a number: ${JSON.stringify(v)}`);
      }
      if (layout === 'row') data[r * cols + c] = v;
      else data[c * rows + r] = v;
    }
  }
  return { data, rows, cols, layout, names: undefined, hash: undefined, timestamp: undefined };
}

function checkCols(cols: number, expected: number | undefined): void {
  if (cols === 0) throw new InvalidArgumentError('Feature matrix has no columns');
  if (expected !== undefined && cols !== expected) {
    throw new FeatureMismatchError(`Feature matrix has ${cols} columns, the model expects ${expected}`, {
      details: { expected, actual: cols },
    });
  }
}

function fromFrame(
  frame: import('@sextant/features').FeatureFrame,
  layout: 'row' | 'col',
  options: ToMatrixOptions,
): Matrix {
  const { expectedHash, expectedNames } = options;
  if (expectedHash && frame.hash && frame.hash !== expectedHash) {
    throw new FeatureMismatchError(
      `Feature frame hash "${frame.hash}" differs from the model's feature hash "${expectedHash}"`,
      { details: { expected: expectedHash, actual: frame.hash } },
    );
  }
  if (expectedNames && expectedNames.length > 0) {
    const i = expectedNames.findIndex((n, k) => frame.names[k] !== n);
    if (i >= 0 || frame.names.length !== expectedNames.length) {
      const at = i >= 0 ? i : Math.min(frame.names.length, expectedNames.length);
      throw new FeatureMismatchError(
        `Feature frame column ${at} is "${frame.names[at] ?? '(none)'}", the model expects "${expectedNames[at] ?? '(none)'}"`,
        { details: { expected: [...expectedNames], actual: [...frame.names] } },
      );
    }
  }
  const rows = frame.length;
  const cols = frame.columns.length;
  if (rows === 0) throw new InvalidArgumentError('Feature frame has no rows');
  checkCols(cols, options.expectedCols);
  if (frame.names.length !== cols) {
    throw new InvalidArgumentError(`Feature frame has ${cols} columns but ${frame.names.length} names`);
  }
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const col = frame.columns[c]!;
    if (col.length !== rows) {
      throw new InvalidArgumentError(`Feature column "${frame.names[c]}" has ${col.length} rows, expected ${rows}`);
    }
    if (layout === 'col') data.set(col, c * rows);
  }
  // Transpose in tiles of rows so the strided writes stay in cache.
  if (layout === 'row') {
    for (let r0 = 0; r0 < rows; r0 += TILE) {
      const r1 = Math.min(rows, r0 + TILE);
      for (let c = 0; c < cols; c++) {
        const col = frame.columns[c]!;
        for (let r = r0; r < r1; r++) data[r * cols + c] = col[r]!;
      }
    }
  }
  return { data, rows, cols, layout, names: frame.names, hash: frame.hash, timestamp: frame.timestamp };
}
