import { InvalidArgumentError } from '@sextant/core';

/**
 * Maps class labels (any finite numbers, e.g. -1/0/1 or 0/1/2) to indices
 * 0..K-1 in ascending label order, and back. Used by every classifier.
 *
 * @example
 * ```ts
 * import { ClassEncoder } from '@sextant/models';
 * const enc = ClassEncoder.fit(new Float64Array([1, -1, 0, 1]));
 * enc.classes; // [-1, 0, 1]
 * enc.encode(new Float64Array([0, 1])); // Float64Array [1, 2]
 * ```
 */
export class ClassEncoder {
  /** Labels in index order. */
  readonly classes: readonly number[];
  readonly #index: Map<number, number>;

  /** @param classes - labels in index order (ascending, unique) */
  constructor(classes: readonly number[]) {
    this.classes = classes;
    this.#index = new Map(classes.map((c, i) => [c, i]));
  }

  /**
   * Learn the classes of a label vector.
   *
   * @param y - labels
   * @returns the encoder
   * @throws InvalidArgumentError when fewer than two classes occur
   */
  static fit(y: Float64Array): ClassEncoder {
    const classes = [...new Set(y)].sort((a, b) => a - b);
    if (classes.length < 2) {
      throw new InvalidArgumentError(`A classifier needs at least 2 classes in y, got ${JSON.stringify(classes)}`);
    }
    return new ClassEncoder(classes);
  }

  /** Number of classes. */
  get size(): number {
    return this.classes.length;
  }

  /**
   * Class index of each label.
   *
   * @param y - labels seen in training
   * @param what - name for messages. @default 'y'
   * @returns indices as floats
   * @throws InvalidArgumentError on a label not seen in training
   */
  encode(y: Float64Array, what = 'y'): Float64Array {
    const out = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) {
      const k = this.#index.get(y[i]!);
      if (k === undefined) {
        throw new InvalidArgumentError(
          `${what}[${i}] is ${y[i]}, not one of the training classes ${JSON.stringify(this.classes)}`,
        );
      }
      out[i] = k;
    }
    return out;
  }
}
