import { InvalidArgumentError, TIMEFRAMES, type Timeframe } from '@sextant/core';

/**
 * The timeframe of a series from its smallest positive step between
 * timestamps.
 *
 * @param timestamp - candle open times, ms UTC, oldest first
 * @returns the matching timeframe
 * @throws InvalidArgumentError when there are fewer than two rows or the step is no known timeframe
 * @example
 * ```ts
 * import { inferTimeframe } from '@sextant/features';
 * inferTimeframe(Float64Array.from([0, 300_000, 600_000])); // '5m'
 * ```
 */
export function inferTimeframe(timestamp: Float64Array): Timeframe {
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < timestamp.length; i++) {
    const d = timestamp[i]! - timestamp[i - 1]!;
    if (d > 0 && d < step) step = d;
  }
  const tf = (Object.keys(TIMEFRAMES) as Timeframe[]).find((t) => TIMEFRAMES[t] === step);
  if (tf === undefined) {
    throw new InvalidArgumentError(
      `Cannot infer a timeframe from ${timestamp.length} timestamps (smallest step ${step} ms); pass it explicitly`,
    );
  }
  return tf;
}
