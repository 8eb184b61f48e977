import type { Matrix } from './Matrix.type.js';

/**
 * The same matrix in the requested memory order (returned as is when it
 * already is).
 *
 * @param m - a matrix
 * @param layout - `row` (row-major) or `col` (column-major)
 * @returns a matrix in `layout`
 * @example
 * ```ts
 * import { toMatrix, withLayout } from '@sextant/models';
 * withLayout(toMatrix([[1, 2], [3, 4]]), 'col').data; // Float64Array [1, 3, 2, 4]
 * ```
 */
export function withLayout(m: Matrix, layout: 'row' | 'col'): Matrix {
  if (m.layout === layout) return m;
  const { rows, cols } = m;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (layout === 'row') data[r * cols + c] = m.data[c * rows + r]!;
      else data[c * rows + r] = m.data[r * cols + c]!;
    }
  }
  return { ...m, data, layout };
}
