import { InvalidArgumentError, type Timeframe, isTimeframe } from '@sextant/core';

/** Identifies one candle dataset: an exchange, a ccxt symbol and a timeframe. */
export interface DatasetKey {
  /** ccxt exchange id, e.g. `binance`. */
  exchange: string;
  /** Symbol as ccxt writes it, e.g. `ETH/BTC` or `XRP/USDT:USDT`. */
  symbol: string;
  /** Candle timeframe, e.g. `5m`. */
  timeframe: Timeframe;
}

const EXCHANGE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SYMBOL_RE = /^[A-Za-z0-9][A-Za-z0-9_/:.@$+-]*$/;

/**
 * Check a dataset key and return it as a plain object; throws on values that
 * cannot name a Hive partition (path separators, `=`, spaces, `..`).
 *
 * @param key - the key to check
 * @returns the key, copied
 * @throws InvalidArgumentError quoting the bad field
 * @example
 * ```ts
 * import { checkDatasetKey } from '@sextant/storage';
 * checkDatasetKey({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' });
 * ```
 */
export function checkDatasetKey(key: DatasetKey): DatasetKey {
  const { exchange, symbol, timeframe } = key ?? ({} as DatasetKey);
  if (typeof exchange !== 'string' || !EXCHANGE_RE.test(exchange) || exchange.includes('..')) {
    throw new InvalidArgumentError(
      `Dataset exchange must be a ccxt id like "binance", got ${JSON.stringify(exchange)}`,
    );
  }
  if (typeof symbol !== 'string' || !SYMBOL_RE.test(symbol) || symbol.includes('..')) {
    throw new InvalidArgumentError(
      `Dataset symbol must be a ccxt symbol like "ETH/BTC", got ${JSON.stringify(symbol)}`,
    );
  }
  if (!isTimeframe(timeframe)) {
    throw new InvalidArgumentError(`Dataset timeframe must be one like "5m", got ${JSON.stringify(timeframe)}`);
  }
  return { exchange, symbol, timeframe };
}

/**
 * The symbol as stored in a partition path: `ETH/BTC` -> `ETH_BTC`,
 * `XRP/USDT:USDT` -> `XRP_USDT_USDT` (freqtrade's file naming).
 *
 * @internal
 */
export function symbolToPath(symbol: string): string {
  return symbol.replace(/[/:]/g, '_');
}

/**
 * Best-effort symbol from a partition value when no file states it:
 * `ETH_BTC` -> `ETH/BTC`, `XRP_USDT_USDT` -> `XRP/USDT:USDT`.
 *
 * @internal
 */
export function symbolFromPath(value: string): string {
  const parts = value.split('_');
  if (parts.length === 2) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 3) return `${parts[0]}/${parts[1]}:${parts[2]}`;
  return value;
}
