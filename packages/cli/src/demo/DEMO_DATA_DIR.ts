import { fileURLToPath } from 'node:url';

/**
 * The folder of real candles the demo ships with (`packages/cli/data/ohlcv`):
 * ten Binance altcoin-to-BTC markets at 5 minutes, 2018-01-10 .. 2018-01-30.
 *
 * @example
 * ```ts
 * import { DEMO_DATA_DIR, loadDemoCandles } from '@sextant/cli';
 * const series = await loadDemoCandles(DEMO_DATA_DIR);
 * ```
 */
export const DEMO_DATA_DIR: string = fileURLToPath(new URL('../../data/ohlcv/', import.meta.url));
