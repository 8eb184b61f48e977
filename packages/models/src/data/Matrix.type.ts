/** Dense numeric matrix backed by one `Float64Array`, in row-major or column-major order. */
export interface Matrix {
  /** Values: `data[r * cols + c]` when `layout` is `row`, `data[c * rows + r]` when `col`. */
  readonly data: Float64Array;
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns (features). */
  readonly cols: number;
  /** Memory order of `data`. */
  readonly layout: 'row' | 'col';
  /** Feature names when the input carried them (a FeatureFrame). */
  readonly names: readonly string[] | undefined;
  /** Pipeline hash when the input was a FeatureFrame. */
  readonly hash: string | undefined;
  /** Row times (ms UTC) when the input was a FeatureFrame. */
  readonly timestamp: Float64Array | undefined;
}
