import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { CandleSeries } from './CandleSeries.type.js';
import { allocateCandleSeries } from './createCandleSeries.js';

/**
 * A {@link CandleSeries} from ccxt's row layout `[ts, o, h, l, c, v]`, the
 * shape `exchange.fetchOHLCV` returns. Values are copied as they are; run
 * {@link validateCandles} to check them.
 *
 * @param rows - candles in ccxt's layout, oldest first
 * @returns columnar candles
 * @throws InvalidArgumentError when a row is not an array of six entries
 * @example
 * ```ts
 * import { candlesFromOHLCV } from '@sextant/core';
 * const series = candlesFromOHLCV(await exchange.fetchOHLCV('ETH/BTC', '5m'));
 * ```
 */
export function candlesFromOHLCV(rows: ReadonlyArray<ReadonlyArray<number | null | undefined>>): CandleSeries {
  const s = allocateCandleSeries(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.length < 6) {
      throw new InvalidArgumentError(
        `OHLCV row ${i} must be [timestamp, open, high, low, close, volume], got ${JSON.stringify(r)}`,
      );
    }
    s.timestamp[i] = r[0] ?? Number.NaN;
    s.open[i] = r[1] ?? Number.NaN;
    s.high[i] = r[2] ?? Number.NaN;
    s.low[i] = r[3] ?? Number.NaN;
    s.close[i] = r[4] ?? Number.NaN;
    s.volume[i] = r[5] ?? Number.NaN;
  }
  return s;
}
