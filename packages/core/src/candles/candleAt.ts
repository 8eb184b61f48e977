import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { Candle, CandleSeries } from './CandleSeries.type.js';

/**
 * Row `index` of a series as a {@link Candle} object. Negative indexes count
 * from the end (`-1` is the last candle).
 *
 * @param series - columnar candles
 * @param index - row index, negative from the end
 * @returns the candle
 * @throws InvalidArgumentError when the index is out of range
 * @example
 * ```ts
 * import { candleAt } from '@sextant/core';
 * const last = candleAt(series, -1);
 * ```
 */
export function candleAt(series: CandleSeries, index: number): Candle {
  const i = index < 0 ? series.length + index : index;
  if (!Number.isInteger(i) || i < 0 || i >= series.length) {
    throw new InvalidArgumentError(`Candle index ${index} is out of range for a series of ${series.length}`);
  }
  return {
    timestamp: series.timestamp[i] as number,
    open: series.open[i] as number,
    high: series.high[i] as number,
    low: series.low[i] as number,
    close: series.close[i] as number,
    volume: series.volume[i] as number,
  };
}
