/** A value from the market-data API, or from cache when the API failed. */
export interface MarketDataResult<T> {
  /** The value. */
  data: T;
  /** True when the API failed and this is the last good value from cache. */
  stale: boolean;
  /** When the value was fetched from the API, ms since the epoch. */
  fetchedAt: number;
}

/** One coin's price in USD and EUR with its changes. */
export interface CoinPrice {
  /** CoinGecko id, e.g. `bitcoin`. */
  id: string;
  /** Ticker symbol, lower case as CoinGecko writes it. */
  symbol: string;
  /** Price in USD. */
  usd: number;
  /** Price in EUR. */
  eur: number;
  /** Change over 1 h, percent (null when the API has none). */
  change1hPct: number | null;
  /** Change over 24 h, percent. */
  change24hPct: number | null;
  /** Change over 7 days, percent. */
  change7dPct: number | null;
  /** Market capitalisation, USD. */
  marketCapUsd: number | null;
  /** Traded volume over 24 h, USD. */
  volume24hUsd: number | null;
}

/** One row of the market-cap ranking. */
export interface CoinRanking {
  id: string;
  symbol: string;
  name: string;
  /** Market-cap rank (1 = largest), null when unranked. */
  rank: number | null;
  /** Price in the requested currency. */
  price: number;
  marketCap: number | null;
  volume24h: number | null;
  change1hPct: number | null;
  change24hPct: number | null;
  change7dPct: number | null;
}

/** A price history in columns (`market_chart/range`). */
export interface MarketChart {
  /** Sample times, ms. */
  timestamp: Float64Array;
  price: Float64Array;
  marketCap: Float64Array;
  volume: Float64Array;
}

/** Coin OHLC in columns (`coins/{id}/ohlc`, no volume). */
export interface CoinOhlc {
  /** Candle time, ms (CoinGecko stamps the candle's close). */
  timestamp: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
}

/** One exchange ticker of a coin. */
export interface CoinTicker {
  base: string;
  target: string;
  /** Exchange name and id. */
  market: { name: string; identifier: string };
  last: number;
  volume: number;
  /** Last price converted to USD, when given. */
  lastUsd: number | null;
  /** CoinGecko's trust score (`green`, `yellow`, `red`), when given. */
  trustScore: string | null;
}
