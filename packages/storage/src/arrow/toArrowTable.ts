import type { CandleSeries } from '@sextant/core';
import { Table, TimestampMillisecond, makeData, makeVector } from 'apache-arrow';

/**
 * A candle series as an Apache Arrow table: `timestamp` Timestamp(ms, UTC)
 * and `open high low close volume` Float64. The five value columns share
 * memory with the series (no copy); only the timestamps are converted to
 * Arrow's 64-bit integer layout. Write it with `tableToIPC(table, 'file')`
 * for a Feather v2 file.
 *
 * @param series - the candles
 * @returns an Arrow table with six columns
 * @example
 * ```ts
 * import { toArrowTable } from '@sextant/storage/arrow';
 * import { tableToIPC } from 'apache-arrow';
 * const feather = tableToIPC(toArrowTable(series), 'file');
 * ```
 */
export function toArrowTable(series: CandleSeries): Table {
  const ts = new BigInt64Array(series.length);
  for (let i = 0; i < series.length; i++) ts[i] = BigInt(series.timestamp[i] as number);
  return new Table({
    timestamp: makeVector(makeData({ type: new TimestampMillisecond('UTC'), data: ts })),
    open: makeVector(series.open),
    high: makeVector(series.high),
    low: makeVector(series.low),
    close: makeVector(series.close),
    volume: makeVector(series.volume),
  });
}
