import { binanceOrders, loadOhlcvFile, startFakeExchange } from '@sextant/collectors/testing';
import type { CandleEvent } from '@sextant/core';
import ccxt from 'ccxt';
import { CcxtBroker } from '../src/ccxt.js';
import { PaperBroker } from '../src/index.js';
import { testBrokerContract } from './support/brokerContract.js';
import { SHARED_OHLCV_DIR } from './support/sharedData.js';

const rows = loadOhlcvFile(`${SHARED_OHLCV_DIR}/ETH_BTC-5m.json`);

/** Real ETH/BTC candles as events, starting at `offset`. */
function eventAt(offset: number): (i: number) => CandleEvent {
  return (i) => {
    const r = rows[offset + i] as readonly number[];
    const [timestamp, open, high, low, close, volume] = r as [number, number, number, number, number, number];
    return { symbol: 'ETH/BTC', timeframe: '5m', candle: { timestamp, open, high, low, close, volume } };
  };
}

testBrokerContract('PaperBroker', async () => ({
  broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 5 }),
  event: eventAt(100),
  close: async () => {},
}));

testBrokerContract('CcxtBroker (ccxt.binance against the fake exchange)', async () => {
  const fake = await startFakeExchange({
    data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: rows, stepSize: 0.001 }],
    plugins: [binanceOrders({ balances: { BTC: 1 } })],
  });
  const exchange = new ccxt.binance(
    fake.ccxtConfig({ apiKey: 'test-key', secret: 'test-secret', timeout: 2000, options: { fetchMargins: false } }),
  );
  const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC', symbols: ['ETH/BTC'] });
  await broker.start();
  return { broker, event: eventAt(rows.length - 10), close: () => fake.close() };
});
