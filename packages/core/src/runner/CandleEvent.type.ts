import type { Candle } from '../candles/CandleSeries.type.js';
import type { Timeframe } from '../time/Timeframe.js';

/** One closed candle of one market, as it reaches the bot runner. */
export interface CandleEvent {
  /** Market symbol as ccxt writes it, e.g. `ETH/BTC`. */
  symbol: string;
  /** Timeframe of the candle. */
  timeframe: Timeframe;
  /** The closed candle. */
  candle: Candle;
}
