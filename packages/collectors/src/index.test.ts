import { describe, expect, it } from 'vitest';
import * as collectors from './index.js';

describe('@sextant/collectors public surface', () => {
  it('exports exactly these runtime names (change on purpose only)', () => {
    expect(Object.keys(collectors).sort()).toEqual([
      'BadResponseError',
      'CCXT_ERROR_TABLE',
      'COINGECKO_SCHEMAS',
      'CircuitBreaker',
      'CircuitOpenError',
      'ExchangeGuard',
      'ExchangeGuardConfigSchema',
      'ExchangeRequestError',
      'FxClient',
      'HTTP_STATUS_TABLE',
      'KeyPool',
      'MarketDataClient',
      'MarketDataClientConfigSchema',
      'MarketsCollector',
      'OhlcvCollector',
      'OhlcvCollectorConfigSchema',
      'OrderBookCollector',
      'QuotaExceededError',
      'TickerCollector',
      'TickerRing',
      'createFrankfurterFxProvider',
      'createScheduler',
      'httpGetJson',
      'httpStatusOf',
      'mapCcxtError',
      'redactSecrets',
      'referenceSchedule',
    ]);
  });

  it('pins the testing subpath names it owns', async () => {
    const testing = await import('./testing.js');
    for (const name of [
      'FAULT_KINDS',
      'FaultInjector',
      'MemoryCandleStore',
      'binanceId',
      'binanceNumber',
      'loadOhlcvFile',
      'startFakeCoinGecko',
      'startFakeExchange',
    ]) {
      expect(Object.keys(testing)).toContain(name);
    }
  });
});
