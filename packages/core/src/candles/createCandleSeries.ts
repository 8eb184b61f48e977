import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { CandleSeries } from './CandleSeries.type.js';

/** Columns to build a {@link CandleSeries} from. */
export interface CandleColumns {
  timestamp: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  volume: ArrayLike<number>;
}

/**
 * A {@link CandleSeries} from six columns of equal length. `Float64Array`
 * columns are used as they are (no copy); other array-likes are copied.
 *
 * @param columns - the six columns
 * @returns the series
 * @throws InvalidArgumentError when the columns differ in length
 * @example
 * ```ts
 * import { createCandleSeries } from '@sextant/core';
 * const s = createCandleSeries({ timestamp: [0], open: [1], high: [2], low: [0.5], close: [1.5], volume: [10] });
 * s.length; // 1
 * ```
 */
export function createCandleSeries(columns: CandleColumns): CandleSeries {
  const length = columns.timestamp.length;
  const col = (name: keyof CandleColumns): Float64Array => {
    const c = columns[name];
    if (c.length !== length) {
      throw new InvalidArgumentError(`Column "${name}" has ${c.length} rows, expected ${length} like "timestamp"`);
    }
    return c instanceof Float64Array ? c : Float64Array.from(c);
  };
  return {
    timestamp: col('timestamp'),
    open: col('open'),
    high: col('high'),
    low: col('low'),
    close: col('close'),
    volume: col('volume'),
    length,
  };
}

/**
 * An empty-valued {@link CandleSeries} of `length` rows (all zeros), for
 * filling column by column.
 *
 * @param length - number of rows
 * @returns a zero-filled series
 * @example
 * ```ts
 * import { allocateCandleSeries } from '@sextant/core';
 * const s = allocateCandleSeries(100);
 * s.close[0] = 42;
 * ```
 */
export function allocateCandleSeries(length: number): CandleSeries {
  return {
    timestamp: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
    length,
  };
}
