import { seededRandom as createRng } from '@sextant/core';

/** Seeded synthetic regression set for the bench: column-major features, rows x cols. */
export interface BenchData {
  rows: number;
  cols: number;
  /** Column-major features. */
  columns: Float64Array[];
  y: Float64Array;
}

/**
 * `rows` x `cols` standard-normal-ish features (sum of uniforms) with a
 * nonlinear target (interactions, thresholds, a sine) plus noise; seeded.
 */
export function syntheticRegression(rows: number, cols: number, seed: number): BenchData {
  const rand = createRng(seed);
  const columns = Array.from({ length: cols }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) columns[c]![r] = rand() + rand() + rand() - 1.5;
    const x = (c: number) => columns[c]![r]!;
    y[r] =
      Math.sin(2 * x(0)) +
      x(1) * x(2) +
      0.5 * x(3) +
      (x(4) > 0.2 ? 0.7 : -0.2) +
      0.3 * x(5) * x(5) -
      0.4 * Math.abs(x(6)) +
      0.3 * (rand() * 2 - 1);
  }
  return { rows, cols, columns, y };
}
