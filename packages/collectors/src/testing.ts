export { startFakeExchange, type FakeExchange } from './testing/startFakeExchange.js';
export type {
  FakeExchangeOptions,
  FakeExchangePlugin,
  FakeExchangeState,
  FakeExchangeStats,
  FakeMarket,
  FakeReply,
  FakeRequest,
  FakeRequestRecord,
  FakeRoute,
  FaultKind,
  FaultScript,
} from './testing/FakeExchange.type.js';
export { FaultInjector, FAULT_KINDS } from './testing/FaultInjector.js';
export { binanceId } from './testing/binanceExchangeInfo.js';
export { binanceNumber } from './testing/binanceNumber.js';
export { loadOhlcvFile } from './testing/loadOhlcvFile.js';
export { MemoryCandleStore } from './testing/MemoryCandleStore.js';
export {
  startFakeCoinGecko,
  type FakeCoin,
  type FakeCoinGecko,
  type FakeCoinGeckoFault,
  type FakeCoinGeckoOptions,
  type FakeCoinGeckoRecord,
} from './testing/startFakeCoinGecko.js';
export {
  binanceOrders,
  type BinanceOrdersOptions,
  type BinanceOrdersPlugin,
  type FakeOrder,
  type FakeTrade,
  type OrderFaultKind,
} from './testing/binanceOrders.js';
