/**
 * One regression tree in xgboost's array layout: node `i` is a leaf when
 * `left[i] === -1`; otherwise a row goes left when
 * `float32(x[feature[i]]) < threshold[i]`, or, when the value is missing
 * (NaN), left if `defaultLeft[i]` is 1.
 */
export interface TreeArrays {
  /** Left child per node, -1 for leaves. */
  readonly left: Int32Array;
  /** Right child per node, -1 for leaves. */
  readonly right: Int32Array;
  /** Split feature per node (0 for leaves). */
  readonly feature: Int32Array;
  /** Split threshold per node in float32; for a leaf, its output value (shrinkage included). */
  readonly threshold: Float32Array;
  /** 1 where missing values go left. */
  readonly defaultLeft: Uint8Array;
  /** Node weight before shrinkage was applied to leaves (xgboost's `base_weights`). */
  readonly baseWeight: Float32Array;
  /** Gain of each split (0 for leaves). */
  readonly lossChange: Float32Array;
  /** Sum of hessians of the training rows reaching each node (the node "cover"). */
  readonly sumHessian: Float32Array;
}
