import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type OHLCVRow } from '@sextant/core';

/**
 * Read a candle file in ccxt's layout (a JSON array of
 * `[timestampMs, open, high, low, close, volume]`), such as the real data in
 * the Sextant repository's `data/ohlcv`.
 *
 * @param path - file path or `file:` URL
 * @returns the rows, as stored
 * @throws InvalidArgumentError when the file is not an array of six-number rows
 * @example
 * ```ts
 * import { loadOhlcvFile } from '@sextant/collectors/testing';
 * const rows = loadOhlcvFile(new URL('../data/ohlcv/ETH_BTC-5m.json', import.meta.url));
 * ```
 */
export function loadOhlcvFile(path: string | URL): OHLCVRow[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) {
    throw new InvalidArgumentError(`Candle file "${String(path)}" must hold a JSON array, got ${typeof parsed}`);
  }
  parsed.forEach((r, i) => {
    if (!Array.isArray(r) || r.length < 6 || r.slice(0, 6).some((v) => typeof v !== 'number')) {
      throw new InvalidArgumentError(`Candle file "${String(path)}" row ${i} is not six numbers: ${JSON.stringify(r)}`);
    }
  });
  return parsed as OHLCVRow[];
}
