import type { Matrix } from './Matrix.type.js';

/** Serialised {@link FeatureRange}. */
export interface FeatureRangeJSON {
  /** Training minimum per feature (`null` when the column was all NaN). */
  min: (number | null)[];
  /** Training maximum per feature (`null` when the column was all NaN). */
  max: (number | null)[];
  /** Allowed distance outside [min, max], as a fraction of (max - min). */
  margin: number;
}

/**
 * The per-feature range seen in training, used to flag rows a model should
 * not be trusted on (FreqAI's `do_predict`): a row is untrusted when any
 * feature is NaN/±Infinity or lies further than `margin * (max - min)`
 * outside the training range.
 *
 * @example
 * ```ts
 * import { FeatureRange, toMatrix } from '@sextant/models';
 * const range = FeatureRange.fromMatrix(toMatrix([[0], [1]]), 0.5);
 * range.trust(toMatrix([[0.5], [3]])); // Uint8Array [1, 0]
 * ```
 */
export class FeatureRange {
  readonly #lo: Float64Array;
  readonly #hi: Float64Array;
  readonly #min: Float64Array;
  readonly #max: Float64Array;
  /** Allowed distance outside the range as a fraction of its width. */
  readonly margin: number;

  private constructor(min: Float64Array, max: Float64Array, margin: number) {
    this.#min = min;
    this.#max = max;
    this.margin = margin;
    this.#lo = new Float64Array(min.length);
    this.#hi = new Float64Array(min.length);
    for (let c = 0; c < min.length; c++) {
      const width = max[c]! - min[c]!;
      // A column never seen finite in training cannot bound anything: accept any finite value.
      this.#lo[c] = Number.isNaN(width) ? Number.NEGATIVE_INFINITY : min[c]! - margin * width;
      this.#hi[c] = Number.isNaN(width) ? Number.POSITIVE_INFINITY : max[c]! + margin * width;
    }
  }

  /**
   * Measure the finite range of each column of a training matrix.
   *
   * @param m - the training matrix (either layout)
   * @param margin - allowed distance outside [min, max] as a fraction of its width. @default 0.5
   * @returns the range
   */
  static fromMatrix(m: Matrix, margin = 0.5): FeatureRange {
    const min = new Float64Array(m.cols).fill(Number.NaN);
    const max = new Float64Array(m.cols).fill(Number.NaN);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const v = m.layout === 'row' ? m.data[r * m.cols + c]! : m.data[c * m.rows + r]!;
        if (!Number.isFinite(v)) continue;
        if (!(v >= min[c]!)) min[c] = v;
        if (!(v <= max[c]!)) max[c] = v;
      }
    }
    return new FeatureRange(min, max, margin);
  }

  /**
   * Restore a range saved by {@link FeatureRange.toJSON}.
   *
   * @param json - the saved range
   * @returns the range
   */
  static fromJSON(json: FeatureRangeJSON): FeatureRange {
    const arr = (xs: (number | null)[]) => Float64Array.from(xs, (x) => (x === null ? Number.NaN : x));
    return new FeatureRange(arr(json.min), arr(json.max), json.margin);
  }

  /** Number of features. */
  get cols(): number {
    return this.#min.length;
  }

  /**
   * Whether one row (one value per feature) is inside the trusted range.
   *
   * @param row - feature values in model column order
   * @returns true when every value is finite and within the widened training range
   */
  trustRow(row: ArrayLike<number>): boolean {
    for (let c = 0; c < this.#lo.length; c++) {
      const v = row[c]!;
      if (!(v >= this.#lo[c]! && v <= this.#hi[c]!) || !Number.isFinite(v)) return false;
    }
    return true;
  }

  /**
   * Trust flag per row of a matrix.
   *
   * @param m - rows to check (either layout), with the training column count
   * @returns 1 where the row is trusted, 0 elsewhere
   */
  trust(m: Matrix): Uint8Array {
    const out = new Uint8Array(m.rows).fill(1);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const v = m.layout === 'row' ? m.data[r * m.cols + c]! : m.data[c * m.rows + r]!;
        if (!(v >= this.#lo[c]! && v <= this.#hi[c]!) || !Number.isFinite(v)) {
          out[r] = 0;
          break;
        }
      }
    }
    return out;
  }

  /** A JSON-safe snapshot. */
  toJSON(): FeatureRangeJSON {
    const arr = (xs: Float64Array) => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));
    return { min: arr(this.#min), max: arr(this.#max), margin: this.margin };
  }
}
