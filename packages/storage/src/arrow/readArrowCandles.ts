import { readFile } from 'node:fs/promises';
import type { CandleSeries } from '@sextant/core';
import { isSextantError } from '@sextant/core';
import { type Table, tableFromIPC } from 'apache-arrow';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { ioError } from '../fs/atomicWriteFile.js';
import { candlesFromArrow } from './candlesFromArrow.js';
import { registerArrowCodecs } from './registerArrowCodecs.js';

/**
 * Read candles from an Arrow IPC file or stream, i.e. a Feather v2 file such
 * as freqtrade's `ETH_BTC-5m.feather`, uncompressed or compressed with LZ4
 * or zstd. Columns: `timestamp` or `date`, and `open high low close volume`.
 *
 * @param path - the `.feather` / `.arrow` file
 * @returns the candles, in file order
 * @throws StorageIOError when the file cannot be read
 * @throws StorageCorruptError naming the file when it is not Arrow IPC or lacks candle columns
 * @example
 * ```ts
 * import { readArrowCandles } from '@sextant/storage/arrow';
 * const series = await readArrowCandles('user_data/data/binance/ETH_BTC-5m.feather');
 * ```
 */
export async function readArrowCandles(path: string): Promise<CandleSeries> {
  await registerArrowCodecs();
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw ioError(path, 'cannot read', e);
  }
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new StorageCorruptError(path, `not a readable Arrow IPC / Feather file (${msg})`, { cause: e });
  }
  try {
    return candlesFromArrow(table, `"${path}"`);
  } catch (e) {
    if (isSextantError(e, 'INVALID_ARGUMENT'))
      throw new StorageCorruptError(path, `wrong schema: ${e.message}`, { cause: e });
    throw e;
  }
}
