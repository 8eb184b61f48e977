import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The folder of real candles the demo ships with (`packages/cli/data/ohlcv`):
 * ten Binance altcoin-to-BTC markets at 5 minutes, 2018-01-10 .. 2018-01-30.
 * Found from the sources (`src/demo/`) and from the build (`dist/`) alike.
 *
 * @example
 * ```ts
 * import { DEMO_DATA_DIR, loadDemoCandles } from '@sextant/cli';
 * const series = await loadDemoCandles(DEMO_DATA_DIR);
 * ```
 */
export const DEMO_DATA_DIR: string = ((): string => {
  const candidates = ['../../data/ohlcv/', '../data/ohlcv/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
})();
