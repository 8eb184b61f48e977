/** Maps raw classifier scores to calibrated probabilities of the positive class. */
export interface Calibrator {
  /** Which method, e.g. `isotonic` or `platt`. */
  readonly method: string;
  /** Learn the mapping from scores and 0/1 outcomes. Returns `this`. */
  fit(scores: ArrayLike<number>, labels: ArrayLike<number>): this;
  /** Calibrated probability per score (NaN stays NaN). */
  transform(scores: ArrayLike<number>): Float64Array;
  /** A JSON-serialisable snapshot that the class's `fromJSON` restores exactly. */
  toJSON(): unknown;
}
