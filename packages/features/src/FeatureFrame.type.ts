/**
 * Features in columns: one `Float64Array` per feature, aligned row by row
 * with `timestamp` (the candle open time, ms UTC). `hash` identifies the
 * pipeline that produced it, so a model can refuse a different one.
 */
export interface FeatureFrame {
  /** Candle open time of each row, ms UTC. */
  readonly timestamp: Float64Array;
  /** Stable feature names, one per column. */
  readonly names: readonly string[];
  /**
   * One column per name, each of `length` rows. The columns of one frame
   * share a few memory blocks (no two overlap), so a column kept after the
   * frame is dropped keeps its block alive: `column.slice()` keeps it alone.
   */
  readonly columns: readonly Float64Array[];
  /** Number of rows. */
  readonly length: number;
  /** Hash of the pipeline spec that produced the frame. */
  readonly hash: string;
  /** Warm-up rows dropped before the first row (set by `FeaturePipeline.compute`). */
  readonly dropped?: number;
}
