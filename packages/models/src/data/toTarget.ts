import { InvalidArgumentError } from '@sextant/core';

/**
 * Copy a target (or weight) vector into a `Float64Array`, refusing NaN,
 * ±Infinity and a length that does not match the feature rows: a training
 * label must be a real number.
 *
 * @param y - one value per row
 * @param rows - number of feature rows
 * @param what - name used in messages. @default 'target'
 * @returns the values as a Float64Array
 * @throws InvalidArgumentError on a length mismatch or a non-finite value
 * @example
 * ```ts
 * import { toTarget } from '@sextant/models';
 * toTarget([0.1, -0.2], 2); // Float64Array [0.1, -0.2]
 * ```
 */
export function toTarget(y: ArrayLike<number>, rows: number, what = 'target'): Float64Array {
  if (y === null || typeof y !== 'object' || typeof y.length !== 'number') {
    throw new InvalidArgumentError(`${what} must be an array of numbers, got ${String(y)}`);
  }
  if (y.length !== rows) throw new InvalidArgumentError(`${what} has ${y.length} values, the features have ${rows} rows`);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = y[i] as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`${what}[${i}] must be a finite number, got ${JSON.stringify(v) ?? String(v)}`);
    }
    out[i] = v;
  }
  return out;
}
