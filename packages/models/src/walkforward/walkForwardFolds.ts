import { InvalidArgumentError } from '@sextant/core';

/** How to cut a chronological span into walk-forward folds. */
export interface WalkForwardWindows {
  /** Rows in the (first) training window. */
  trainSize: number;
  /** Rows in each test window. */
  testSize: number;
  /** Rows the windows move forward per fold. @default testSize */
  step?: number;
  /**
   * Training rows dropped before each test window because their labels look
   * into it (purging): set it to the label horizon in rows. @default 0
   */
  purge?: number;
  /**
   * Further rows left out between the purged training window and the test
   * window, against serial correlation of features (the embargo of López de
   * Prado, AFML ch. 7; in forward-only folds training never follows the test
   * window, so the embargo becomes an extra gap). @default 0
   */
  embargo?: number;
  /** `rolling` keeps the training window at `trainSize`; `expanding` grows it from row 0. @default 'rolling' */
  mode?: 'rolling' | 'expanding';
}

/** Row ranges of one fold (start inclusive, end exclusive). */
export interface WalkForwardFold {
  /** Fold number from 0. */
  index: number;
  /** First training row. */
  trainStart: number;
  /** One past the last training row (after purge and embargo). */
  trainEnd: number;
  /** First test row. */
  testStart: number;
  /** One past the last test row. */
  testEnd: number;
}

/**
 * The folds of a walk-forward validation over `rows` chronological rows.
 * Fold k tests rows `[trainSize + k*step, + testSize)` and trains on the rows
 * before them minus `purge + embargo` rows; a last partial test window is
 * kept if it has at least one row.
 *
 * @param rows - number of rows in the span
 * @param windows - sizes, purge, embargo and mode
 * @returns the folds, oldest first (empty when the span is shorter than one fold)
 * @throws InvalidArgumentError on non-integer or negative sizes, or when purge + embargo leaves no training row
 * @example
 * ```ts
 * import { walkForwardFolds } from '@sextant/models';
 * walkForwardFolds(10, { trainSize: 4, testSize: 3, purge: 1 });
 * // [{ index: 0, trainStart: 0, trainEnd: 3, testStart: 4, testEnd: 7 },
 * //  { index: 1, trainStart: 3, trainEnd: 6, testStart: 7, testEnd: 10 }]
 * ```
 */
export function walkForwardFolds(rows: number, windows: WalkForwardWindows): WalkForwardFold[] {
  const { trainSize, testSize } = windows;
  const step = windows.step ?? testSize;
  const purge = windows.purge ?? 0;
  const embargo = windows.embargo ?? 0;
  const mode = windows.mode ?? 'rolling';
  for (const [name, v, min] of [
    ['rows', rows, 0],
    ['trainSize', trainSize, 1],
    ['testSize', testSize, 1],
    ['step', step, 1],
    ['purge', purge, 0],
    ['embargo', embargo, 0],
  ] as const) {
    if (!Number.isInteger(v) || v < min)
      throw new InvalidArgumentError(`${name} must be an integer >= ${min}, got ${v}`);
  }
  if (mode !== 'rolling' && mode !== 'expanding') {
    throw new InvalidArgumentError(`mode must be "rolling" or "expanding", got ${JSON.stringify(mode)}`);
  }
  if (purge + embargo >= trainSize) {
    throw new InvalidArgumentError(
      `purge + embargo (${purge} + ${embargo}) must be smaller than trainSize ${trainSize}, or no training row is left`,
    );
  }
  const folds: WalkForwardFold[] = [];
  for (let testStart = trainSize; testStart < rows; testStart += step) {
    const windowStart = testStart - trainSize;
    folds.push({
      index: folds.length,
      trainStart: mode === 'rolling' ? windowStart : 0,
      trainEnd: testStart - purge - embargo,
      testStart,
      testEnd: Math.min(rows, testStart + testSize),
    });
  }
  return folds;
}
