import type { Matrix } from '../../data/Matrix.type.js';

/** Column means of the finite values of a row-major matrix (0 for a column with none). */
export function columnMeans(m: Matrix): number[] {
  const sum = new Float64Array(m.cols);
  const cnt = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      const v = m.data[r * m.cols + c]!;
      if (Number.isFinite(v)) {
        sum[c] = sum[c]! + v;
        cnt[c] = cnt[c]! + 1;
      }
    }
  }
  return Array.from(sum, (s, c) => (cnt[c]! > 0 ? s / cnt[c]! : 0));
}

/** Rows of a row-major matrix as arrays, non-finite cells replaced by the column's training mean. */
export function imputeRows(m: Matrix, means: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < m.rows; r++) {
    const row = new Array<number>(m.cols);
    for (let c = 0; c < m.cols; c++) {
      const v = m.data[r * m.cols + c]!;
      row[c] = Number.isFinite(v) ? v : means[c]!;
    }
    out.push(row);
  }
  return out;
}
