/**
 * A feature frame as storage sees it: the structural shape of
 * `@sextant/features`' `FeatureFrame` (storage does not import features).
 */
export interface FrameLike {
  /** Candle open time of each row, ms UTC. */
  readonly timestamp: ArrayLike<number>;
  /** Column names, one per column, unique, not `timestamp`. */
  readonly names: readonly string[];
  /** One column per name, each as long as `timestamp`. */
  readonly columns: readonly ArrayLike<number>[];
  /** Hash of the pipeline that produced the frame, kept in the file's metadata. */
  readonly hash?: string;
}

/** A frame read back by `readFrameParquet`. */
export interface StoredFrame {
  /** Candle open time of each row, ms UTC. */
  readonly timestamp: Float64Array;
  /** Column names, in file order. */
  readonly names: readonly string[];
  /** One column per name. */
  readonly columns: readonly Float64Array[];
  /** Number of rows. */
  readonly length: number;
  /** Pipeline hash from the file's metadata (absent when the file has none). */
  readonly hash?: string;
}
