import type { CandleField } from './CandleSeries.type.js';

/**
 * The six candle columns in ccxt's OHLCV order.
 *
 * @example
 * ```ts
 * import { CANDLE_FIELDS } from '@sextant/core';
 * for (const f of CANDLE_FIELDS) console.log(f, series[f][0]);
 * ```
 */
export const CANDLE_FIELDS: readonly CandleField[] = ['timestamp', 'open', 'high', 'low', 'close', 'volume'];
