// Errors
export { ExchangeRequestError } from './errors/ExchangeRequestError.js';
export { CircuitOpenError } from './errors/CircuitOpenError.js';
export { QuotaExceededError } from './errors/QuotaExceededError.js';
export { BadResponseError } from './errors/BadResponseError.js';
export { CCXT_ERROR_TABLE, HTTP_STATUS_TABLE, type CcxtErrorRule } from './errors/CCXT_ERROR_TABLE.js';
export { mapCcxtError, httpStatusOf, type CcxtCallContext } from './errors/mapCcxtError.js';
export { redactSecrets } from './errors/redactSecrets.js';
// Guard: retries, pauses, breaker, usage
export { ExchangeGuard } from './guard/ExchangeGuard.js';
export { ExchangeGuardConfigSchema, type ExchangeGuardConfig } from './guard/ExchangeGuardConfigSchema.js';
export { CircuitBreaker, type CircuitState } from './guard/CircuitBreaker.js';
export type { GuardEvents } from './guard/GuardEvents.type.js';
export type { UsageStats } from './guard/UsageStats.type.js';
// OHLCV
export {
  OhlcvCollector,
  type OhlcvCollectOptions,
  type OhlcvCollectOutcome,
  type OhlcvCollectorOptions,
} from './ohlcv/OhlcvCollector.js';
export { OhlcvCollectorConfigSchema, type OhlcvCollectorConfig } from './ohlcv/OhlcvCollectorConfigSchema.js';
export type { OhlcvCollectReport, OhlcvCollectResult } from './ohlcv/OhlcvCollectReport.type.js';
export type { CandleKey, CandleSink } from './ohlcv/CandleSink.type.js';
// HTTP
export { httpGetJson, type HttpGetJsonOptions, type HttpJsonResponse } from './http/httpGetJson.js';
// Market data
export { MarketDataClient, type MarketDataClientOptions, type MarketDataStats } from './marketdata/MarketDataClient.js';
export {
  MarketDataClientConfigSchema,
  type MarketDataClientConfig,
} from './marketdata/MarketDataClientConfigSchema.js';
export type {
  CoinOhlc,
  CoinPrice,
  CoinRanking,
  CoinTicker,
  MarketChart,
  MarketDataResult,
} from './marketdata/MarketData.type.js';
export { COINGECKO_SCHEMAS } from './marketdata/COINGECKO_SCHEMAS.js';
export { KeyPool } from './marketdata/KeyPool.js';
// FX
export { FxClient, type FxClientOptions } from './fx/FxClient.js';
export type { FxProvider, FxRate } from './fx/FxProvider.type.js';
export { createFrankfurterFxProvider } from './fx/createFrankfurterFxProvider.js';
// Schedules
export { createScheduler, type SchedulerOptions } from './schedule/createScheduler.js';
export { referenceSchedule, type ReferenceScheduleOptions } from './schedule/referenceSchedule.js';
export type { JobInfo, ScheduleSpec, Scheduler, SchedulerEvents } from './schedule/Scheduler.type.js';
// Markets, order books, tickers
export { MarketsCollector, type MarketsCollectorOptions } from './exchange/MarketsCollector.js';
export type { Bounds, MarketInfo } from './exchange/MarketInfo.type.js';
export {
  OrderBookCollector,
  type OrderBookCollectorOptions,
  type OrderBookSnapshot,
} from './exchange/OrderBookCollector.js';
export { TickerCollector, type TickerCollectorOptions, type TickerSink } from './exchange/TickerCollector.js';
export { TickerRing, type TickerColumns, type TickerSnapshot } from './exchange/TickerRing.js';
