import { type CandleSeries, InvalidArgumentError } from '@sextant/core';

/** Where a chronological train/test split falls. */
export interface ChronologicalSplit {
  /** Open time of the first test candle, ms UTC: training labels must end before it. */
  testFrom: number;
  /** First and last candle open time over all markets, ms UTC. */
  span: readonly [number, number];
}

/**
 * Split the common time span of several markets at `trainRatio`: candles
 * opening before `testFrom` train, the rest test. One cut for every market,
 * so no market's test period leaks into another's training rows.
 *
 * @param series - candles by market
 * @param trainRatio - share of the span used for training, in (0, 1)
 * @param candleMs - candle length, to put the cut on the candle grid
 * @returns the cut and the span
 * @throws InvalidArgumentError when `trainRatio` is outside (0, 1) or no market has candles
 * @example
 * ```ts
 * import { chronologicalSplit } from '@sextant/cli';
 * const { testFrom } = chronologicalSplit({ 'ETH/BTC': eth, 'LTC/BTC': ltc }, 0.7, 300_000);
 * ```
 */
export function chronologicalSplit(
  series: Readonly<Record<string, CandleSeries>>,
  trainRatio: number,
  candleMs: number,
): ChronologicalSplit {
  if (!(trainRatio > 0 && trainRatio < 1)) {
    throw new InvalidArgumentError(`trainRatio must be in (0, 1), got ${trainRatio}`);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const s of Object.values(series)) {
    if (s.length === 0) continue;
    first = Math.min(first, s.timestamp[0] as number);
    last = Math.max(last, s.timestamp[s.length - 1] as number);
  }
  if (!Number.isFinite(first)) throw new InvalidArgumentError('Cannot split: no market has candles');
  const raw = first + (last - first) * trainRatio;
  const testFrom = first + Math.ceil((raw - first) / candleMs) * candleMs;
  return { testFrom, span: [first, last] };
}
