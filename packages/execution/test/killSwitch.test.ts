import { binanceOrders, type FakeExchange, loadOhlcvFile, startFakeExchange } from '@sextant/collectors/testing';
import {
  type CandleEvent,
  isSextantError,
  type OrderIntent,
  type PortfolioSnapshot,
  type RiskGate,
  type RiskVerdict,
} from '@sextant/core';
import ccxt from 'ccxt';
import { afterEach, describe, expect, it } from 'vitest';
import { CcxtBroker } from '../src/ccxt.js';
import { executeKillSwitch, type KillSwitchGate, PaperBroker } from '../src/index.js';
import { SHARED_OHLCV_DIR } from './support/sharedData.js';

/**
 * A gate with the kill-switch half of `RiskValidator` (`@sextant/risk` is not a
 * dependency of execution): HALTED after `killSwitch`, refusing every entry.
 */
function haltingGate(): RiskGate & KillSwitchGate & { halted: string | undefined } {
  const gate = {
    halted: undefined as string | undefined,
    validate(intent: OrderIntent): RiskVerdict {
      if (gate.halted !== undefined && !intent.reduceOnly) {
        return { outcome: 'reject', intent: null, reasons: [`HALTED: ${gate.halted}`], rules: ['trading-state'] };
      }
      return { outcome: 'approve', intent, reasons: ['ok'], rules: [] };
    },
    killSwitch(portfolio: PortfolioSnapshot, reason = 'kill switch') {
      gate.halted = reason;
      const closeIntents = Object.values(portfolio.positions).map(
        (p): OrderIntent => ({
          symbol: p.symbol,
          side: 'sell',
          type: 'market',
          amount: p.amount,
          reduceOnly: true,
          reason: 'kill-switch',
        }),
      );
      return { closeIntents };
    },
  };
  return gate;
}

const T0 = Date.UTC(2018, 0, 10);
const paperCandle = (symbol: string, i: number, price: number): CandleEvent => ({
  symbol,
  timeframe: '5m',
  candle: { timestamp: T0 + i * 300_000, open: price, high: price, low: price, close: price, volume: 1000 },
});
const entry = (symbol: string, amount: number, extra: Partial<OrderIntent> = {}): OrderIntent => ({
  symbol,
  side: 'buy',
  type: 'market',
  amount,
  reduceOnly: false,
  reason: 'entry',
  ...extra,
});

describe('executeKillSwitch with the paper broker', () => {
  it('halts the gate, cancels every open order and closes every position at the next open', async () => {
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001 });
    const risk = haltingGate();
    await broker.submit(entry('ETH/BTC', 2), paperCandle('ETH/BTC', 0, 0.1));
    await broker.submit(entry('LTC/BTC', 10), paperCandle('LTC/BTC', 0, 0.01));
    broker.onCandle(paperCandle('ETH/BTC', 1, 0.1));
    broker.onCandle(paperCandle('LTC/BTC', 1, 0.01));
    const resting = await broker.submit(
      entry('ETH/BTC', 1, { type: 'limit', price: 0.05 }),
      paperCandle('ETH/BTC', 1, 0.1),
    );
    expect(Object.keys(broker.portfolio().positions).sort()).toEqual(['ETH/BTC', 'LTC/BTC']);

    const report = await executeKillSwitch({ risk, broker, timeframe: '5m', reason: 'operator' });
    expect(report.failures).toEqual([]);
    expect(report.canceled.map((o) => [o.clientOrderId, o.status])).toEqual([[resting.clientOrderId, 'canceled']]);
    expect(report.closes.map((o) => [o.symbol, o.side, o.type, o.amount, o.reduceOnly, o.status])).toEqual([
      ['ETH/BTC', 'sell', 'market', 2, true, 'open'],
      ['LTC/BTC', 'sell', 'market', 10, true, 'open'],
    ]);
    expect(
      risk.validate(entry('ETH/BTC', 1), broker.portfolio(), { symbol: 'ETH/BTC', timestamp: T0, price: 0.1 }),
    ).toMatchObject({ outcome: 'reject', reasons: ['HALTED: operator'] });

    // The closes fill at the next candle's open; nothing is held afterwards and the books balance.
    const fills = [
      ...broker.onCandle(paperCandle('ETH/BTC', 2, 0.11)),
      ...broker.onCandle(paperCandle('LTC/BTC', 2, 0.012)),
    ];
    expect(fills.map((f) => [f.symbol, f.side, f.amount, f.price])).toEqual([
      ['ETH/BTC', 'sell', 2, 0.11],
      ['LTC/BTC', 'sell', 10, 0.012],
    ]);
    expect(broker.portfolio().positions).toEqual({});
    expect(broker.openOrders).toEqual([]);
    expect(broker.ledger.isBalanced()).toBe(true);
  });

  it('reports a broker that cannot cancel, still closes, and refuses an unknown timeframe', async () => {
    const paper = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' });
    await paper.submit(entry('ETH/BTC', 1), paperCandle('ETH/BTC', 0, 0.1));
    paper.onCandle(paperCandle('ETH/BTC', 1, 0.1));
    const noCancel = {
      onCandle: (e: CandleEvent) => paper.onCandle(e),
      submit: (i: OrderIntent, e: CandleEvent) => paper.submit(i, e),
      portfolio: () => paper.portfolio(),
    };
    const report = await executeKillSwitch({ risk: haltingGate(), broker: noCancel, timeframe: '5m' });
    expect(report.failures.map((f) => [f.step, f.error.code, f.error.message])).toEqual([
      ['cancel', 'INVALID_ARGUMENT', 'The broker cannot cancel orders (no cancelAll): open orders were left'],
    ]);
    expect(report.closes.map((o) => o.amount)).toEqual([1]);
    await expect(executeKillSwitch({ risk: haltingGate(), broker: paper, timeframe: '7m' as '5m' })).rejects.toSatisfy(
      (e) => isSextantError(e, 'INVALID_ARGUMENT') && /"7m"/.test((e as Error).message),
    );
  });
});

const candles = loadOhlcvFile(`${SHARED_OHLCV_DIR}/ETH_BTC-5m.json`);
const last = candles[candles.length - 1] as readonly number[];
const liveEvent = (i = 0): CandleEvent => ({
  symbol: 'ETH/BTC',
  timeframe: '5m',
  candle: {
    timestamp: (last[0] as number) + i * 300_000,
    open: 0.09,
    high: 0.09,
    low: 0.09,
    close: last[4] as number,
    volume: 1,
  },
});

let fake: FakeExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('executeKillSwitch with CcxtBroker against ccxt.binance and the fake exchange', () => {
  it('cancels resting orders (booking what filled first), sells the whole position at market, and halts', async () => {
    const orders = binanceOrders({ balances: { BTC: 1 } });
    fake = await startFakeExchange({
      data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles, stepSize: 0.001 }],
      plugins: [orders],
    });
    const exchange = new ccxt.binance(
      fake.ccxtConfig({ apiKey: 'test-key', secret: 'test-secret', timeout: 400, options: { fetchMargins: false } }),
    );
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await broker.start();
    await broker.submit(entry('ETH/BTC', 0.5), liveEvent());
    const resting = await broker.submit(entry('ETH/BTC', 0.3, { type: 'limit', price: 0.05 }), liveEvent());
    await broker.onCandle(liveEvent(1));
    orders.fill(resting.clientOrderId, 0.1); // part of it executes just before the switch
    const risk = haltingGate();

    const report = await executeKillSwitch({ risk, broker, timeframe: '5m' });
    expect(report.failures).toEqual([]);
    expect(report.canceled.map((o) => [o.clientOrderId, o.status, o.filled])).toEqual([
      [resting.clientOrderId, 'filled', 0.1], // canceled on the exchange; final at what executed (CcxtBroker's rule)
    ]);
    // Sized after the cancel: 0.5 + the 0.1 that filled.
    expect(report.closes.map((o) => [o.side, o.type, o.amount, o.status])).toEqual([['sell', 'market', 0.6, 'filled']]);
    expect(orders.orders.filter((o) => o.status === 'NEW' || o.status === 'PARTIALLY_FILLED')).toEqual([]);
    expect(orders.balances['ETH'] ?? 0).toBeCloseTo(0, 12);
    expect(broker.ledger.position('ETH/BTC')).toBeUndefined();
    expect(risk.halted).toBe('kill switch');
  });
});
