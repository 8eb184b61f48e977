/**
 * One LightGBM tree in the model-text layout: internal nodes `0..n-2`,
 * leaves `0..n-1`; a child `c < 0` is leaf `~c` (`-c - 1`).
 */
export interface LightGBMTree {
  /** Split feature per internal node. */
  splitFeature: Int32Array;
  /** Threshold per internal node (double; go left when `x <= threshold`). */
  threshold: Float64Array;
  /** LightGBM `decision_type` bits: 1 categorical, 2 default left, (>> 2) & 3 missing type (0 none, 1 zero, 2 NaN). */
  decisionType: Uint8Array;
  /** Left child per internal node (negative: leaf `~c`). */
  leftChild: Int32Array;
  /** Right child per internal node (negative: leaf `~c`). */
  rightChild: Int32Array;
  /** Output per leaf (shrinkage already applied, as LightGBM stores it). */
  leafValue: Float64Array;
}
