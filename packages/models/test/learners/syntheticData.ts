import { seededRandom as createRng } from '@sextant/core';

/** Seeded synthetic regression/classification data shared by the learner tests. */
export interface SyntheticData {
  X: number[][];
  y: number[];
  /** 0/1 labels (y > 0). */
  binary: number[];
  /** -1/0/1 labels (y below -0.5, between, above 0.5). */
  multiclass: number[];
}

/**
 * `rows` rows of `cols` uniform(-1, 1) features (NaN in about `nanRate` of
 * cells) with target sin(3 x0) + x1 x2 + 0.5 x3 + noise.
 */
export function syntheticData(rows: number, cols: number, seed: number, nanRate = 0): SyntheticData {
  const rand = createRng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = Array.from({ length: cols }, () => rand() * 2 - 1);
    const target = Math.sin(3 * row[0]!) + row[1]! * row[2]! + 0.5 * row[3]! + (rand() - 0.5) * 0.4;
    for (let c = 0; c < cols; c++) if (rand() < nanRate) row[c] = Number.NaN;
    X.push(row);
    y.push(target);
  }
  return {
    X,
    y,
    binary: y.map((v) => (v > 0 ? 1 : 0)),
    multiclass: y.map((v) => (v < -0.5 ? -1 : v > 0.5 ? 1 : 0)),
  };
}
