import type { FakeMarket } from './FakeExchange.type.js';
import { binanceNumber } from './binanceNumber.js';

/**
 * Binance market id of a unified symbol: `ETH/BTC` -> `ETHBTC`.
 *
 * @param symbol - unified symbol
 * @returns the Binance id
 * @example
 * ```ts
 * import { binanceId } from '@sextant/collectors/testing';
 * binanceId('ETH/BTC'); // 'ETHBTC'
 * ```
 */
export function binanceId(symbol: string): string {
  return symbol.replace('/', '');
}

/** Default tick: 4 significant digits of the last close, as a power of ten. */
function defaultTick(price: number): number {
  if (!(price > 0)) return 1e-8;
  const exp = Math.floor(Math.log10(price)) - 4;
  return Math.max(1e-8, 10 ** exp);
}

/**
 * `GET /api/v3/exchangeInfo` in Binance's exact JSON, with the real filter
 * shapes (PRICE_FILTER, LOT_SIZE, ICEBERG_PARTS, MARKET_LOT_SIZE,
 * TRAILING_DELTA, PERCENT_PRICE_BY_SIDE, NOTIONAL, MAX_NUM_ORDERS,
 * MAX_NUM_ALGO_ORDERS), as captured from api.binance.com in 2024.
 *
 * @param markets - the fake's markets
 * @param serverTime - the server clock
 * @returns the response body
 */
export function binanceExchangeInfo(markets: Iterable<FakeMarket>, serverTime: number): unknown {
  const symbols = [];
  for (const m of markets) {
    const [base = '', quote = ''] = m.symbol.split('/');
    const last = m.candles[m.candles.length - 1]?.[4] ?? 1;
    const tick = m.tickSize ?? defaultTick(last);
    const step = m.stepSize ?? 0.001;
    symbols.push({
      symbol: binanceId(m.symbol),
      status: 'TRADING',
      baseAsset: base,
      baseAssetPrecision: 8,
      quoteAsset: quote,
      quotePrecision: 8,
      quoteAssetPrecision: 8,
      baseCommissionPrecision: 8,
      quoteCommissionPrecision: 8,
      orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'],
      icebergAllowed: true,
      ocoAllowed: true,
      otoAllowed: true,
      quoteOrderQtyMarketAllowed: true,
      allowTrailingStop: true,
      cancelReplaceAllowed: true,
      isSpotTradingAllowed: true,
      isMarginTradingAllowed: false,
      filters: [
        {
          filterType: 'PRICE_FILTER',
          minPrice: binanceNumber(tick),
          maxPrice: '1000.00000000',
          tickSize: binanceNumber(tick),
        },
        {
          filterType: 'LOT_SIZE',
          minQty: binanceNumber(step),
          maxQty: '9000000.00000000',
          stepSize: binanceNumber(step),
        },
        { filterType: 'ICEBERG_PARTS', limit: 10 },
        { filterType: 'MARKET_LOT_SIZE', minQty: '0.00000000', maxQty: '100000.00000000', stepSize: '0.00000000' },
        {
          filterType: 'TRAILING_DELTA',
          minTrailingAboveDelta: 10,
          maxTrailingAboveDelta: 2000,
          minTrailingBelowDelta: 10,
          maxTrailingBelowDelta: 2000,
        },
        {
          filterType: 'PERCENT_PRICE_BY_SIDE',
          bidMultiplierUp: '5',
          bidMultiplierDown: '0.2',
          askMultiplierUp: '5',
          askMultiplierDown: '0.2',
          avgPriceMins: 5,
        },
        {
          filterType: 'NOTIONAL',
          minNotional: binanceNumber(m.minNotional ?? 0.0001),
          applyMinToMarket: true,
          maxNotional: '9000000.00000000',
          applyMaxToMarket: false,
          avgPriceMins: 5,
        },
        { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
        { filterType: 'MAX_NUM_ALGO_ORDERS', maxNumAlgoOrders: 5 },
      ],
      permissions: [],
      permissionSets: [['SPOT']],
      defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
      allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
    });
  }
  return {
    timezone: 'UTC',
    serverTime,
    rateLimits: [
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
      { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
      { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
    ],
    exchangeFilters: [],
    symbols,
  };
}
