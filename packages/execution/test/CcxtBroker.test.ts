import { binanceOrders, type FakeExchange, loadOhlcvFile, startFakeExchange } from '@sextant/collectors/testing';
import { type CandleEvent, isSextantError, type Order } from '@sextant/core';
import ccxt from 'ccxt';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CcxtBroker } from '../src/ccxt.js';
import { loadStoredState, Money, OrderJournal } from '../src/index.js';
import { SHARED_OHLCV_DIR } from './support/sharedData.js';

const candles = loadOhlcvFile(`${SHARED_OHLCV_DIR}/ETH_BTC-5m.json`);
const last = candles[candles.length - 1] as readonly number[];
const event = (i = 0): CandleEvent => ({
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
const buy = (amount: number) => ({
  symbol: 'ETH/BTC',
  side: 'buy' as const,
  type: 'market' as const,
  amount,
  reduceOnly: false,
  reason: 'entry',
});

let fake: FakeExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(balances: Record<string, number> = { BTC: 1 }, feeAsset?: { asset: string; price: number }) {
  const orders = binanceOrders({ balances, timeoutMs: 1500, ...(feeAsset === undefined ? {} : { feeAsset }) });
  fake = await startFakeExchange({
    data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles, stepSize: 0.001 }],
    plugins: [orders],
  });
  // A real ccxt.binance instance, talking HTTP to the fake on 127.0.0.1 (keys are dummies: the fake does not check signatures).
  const exchange = new ccxt.binance(
    fake.ccxtConfig({ apiKey: 'test-key', secret: 'test-secret', timeout: 400, options: { fetchMargins: false } }),
  );
  const posts = () => fake?.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/order').length ?? 0;
  return { orders, exchange, posts };
}

describe('CcxtBroker against ccxt.binance and the fake exchange', () => {
  it('places a market order written to the journal before sending, and books its fill exactly', async () => {
    const { orders, exchange } = await setup();
    const recorded: Order[] = [];
    const journal = new OrderJournal({ store: { recordOrder: (o) => void recorded.push(o), recordFill: () => {} } });
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC', journal });
    await broker.start();
    expect(broker.ledger.cash.toString()).toBe('1');
    const order = await broker.submit(buy(1), event());
    expect(recorded[0]).toMatchObject({ status: 'pending', clientOrderId: order.clientOrderId });
    expect(order).toMatchObject({ status: 'filled', filled: 1 });
    expect(orders.orders[0]?.clientOrderId).toBe(order.clientOrderId);
    const fills = await broker.onCandle(event(1));
    expect(fills).toHaveLength(1);
    expect(fills[0]?.tradeId).toBe(String(orders.trades[0]?.id));
    // The ledger equals the exchange's own balance to the satoshi.
    expect(broker.ledger.cash.toNumber()).toBe(orders.balances['BTC']);
    expect(broker.portfolio().positions['ETH/BTC']?.amount).toBe(1);
    expect(journal.history(order.clientOrderId).map((h) => h.status)).toEqual(['pending', 'filled']);
    // The watermark for trailing stops follows candle highs after entry.
    const high = fills[0]?.price as number;
    const up = event(2);
    await broker.onCandle({ ...up, candle: { ...up.candle, high: high * 1.5, close: high * 1.2 } });
    expect(broker.portfolio().positions['ETH/BTC']?.highWatermark).toBe(high * 1.5);
  });

  it('a create that times out after the exchange accepted it never leads to a second live order', async () => {
    const { orders, exchange, posts } = await setup();
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await broker.start();
    orders.enqueue('accept-then-timeout');
    orders.failLookups(1); // the immediate lookup by client id fails too
    const first = await broker.submit(buy(0.5), event());
    expect(first.status).toBe('unknown');
    expect(orders.orders).toHaveLength(1); // the exchange did accept it
    // Next candle, the strategy wants to buy again: nothing is sent while the first is unknown.
    orders.failLookups(1);
    await expect(broker.submit(buy(0.5), event(1))).rejects.toSatisfy((e) => isSextantError(e, 'ORDER_STATE_UNKNOWN'));
    expect(posts()).toBe(1);
    // The bot restarts and replays the same candle: same client id, answered from the journal, not resent.
    const restarted = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      journal: new OrderJournal({ restore: { orders: broker.journal.all(), fills: [] } }),
    });
    const report = await restarted.start(); // reconciliation resolves it by client id first
    expect(report.resolved.map((o) => o.status)).toEqual(['filled']);
    const again = await restarted.submit(buy(0.5), event());
    expect(again).toMatchObject({ clientOrderId: first.clientOrderId, status: 'filled', filled: 0.5 });
    expect(posts()).toBe(1);
    // The first process, once the exchange answers again, resolves it and books the fill exactly once.
    const fills = await broker.onCandle(event(2));
    expect(fills.map((f) => f.clientOrderId)).toEqual([first.clientOrderId]);
    expect(await broker.onCandle(event(3))).toEqual([]);
    expect(orders.orders).toHaveLength(1);
    expect(broker.journal.history(first.clientOrderId).map((h) => h.status)).toEqual(['pending', 'unknown', 'filled']);
  });

  it('turns exchange rejections into typed errors, journals them as rejected and never retries', async () => {
    const { orders, exchange, posts } = await setup({ BTC: 0.01 });
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await broker.start();
    await expect(broker.submit(buy(5), event())).rejects.toSatisfy(
      (e) => isSextantError(e, 'INSUFFICIENT_FUNDS') && !/test-secret/.test(String((e as Error).message)),
    );
    orders.enqueue('bad-precision');
    await expect(broker.submit(buy(0.01), event(1))).rejects.toSatisfy((e) => isSextantError(e, 'INVALID_ORDER'));
    expect(posts()).toBe(2);
    expect(broker.journal.all().map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(broker.submit(buy(Number.NaN), event(2))).rejects.toThrow(/got "NaN"/);
    expect(posts()).toBe(2);
  });

  it('books a partial fill and reports the order filled for what executed', async () => {
    const { orders, exchange } = await setup();
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await broker.start();
    orders.enqueue('partial-fill');
    const o = await broker.submit(buy(0.5), event());
    expect(o).toMatchObject({ filled: 0.25, status: 'filled' }); // market remainder expired on the exchange
    expect((await broker.onCandle(event(1)))[0]?.amount).toBe(0.25);
  });

  it('never takes "not found" for "canceled": a resting order filled before the cancel is reported filled', async () => {
    const { orders, exchange } = await setup();
    const broker = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await broker.start();
    const o = await broker.submit({ ...buy(0.5), type: 'limit', price: 0.05 }, event());
    expect(o.status).toBe('open');
    orders.fill(o.clientOrderId); // the market trades through the limit
    const after = await broker.cancel(o.clientOrderId); // Binance answers -2011 Unknown order sent
    expect(after.status).toBe('filled');
    expect((await broker.onCandle(event(1)))[0]).toMatchObject({ amount: 0.5, price: 0.05 });
  });

  it('startup reconciliation resolves journal orders, adopts its own unknown orders and fails closed on foreign ones', async () => {
    const { orders, exchange } = await setup();
    // A previous run wrote "pending" and died before hearing back; the exchange accepted and filled it.
    const first = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await first.start();
    orders.enqueue('accept-then-timeout');
    orders.failLookups(1);
    const lost = await first.submit(buy(0.2), event());
    expect(lost.status).toBe('unknown');
    // An order with this bot's prefix the journal never saw (journal lost), and a foreign one.
    const own = orders.placeForeign('ETHBTC', 'BUY', 0.1, 0.05, 'sx-ETHBTC-1-1');
    const foreign = orders.placeForeign('ETHBTC', 'SELL', 0.1, 0.2);
    const restarted = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      journal: new OrderJournal({ restore: { orders: first.journal.all(), fills: [] } }),
    });
    await expect(restarted.start()).rejects.toThrow(new RegExp(`"${foreign.clientOrderId}".*not placed by this bot`));
    const flagged = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      foreignOrders: 'flag',
      journal: new OrderJournal({ restore: { orders: first.journal.all(), fills: [] } }),
    });
    const report = await flagged.start();
    expect(report.resolved.map((o) => [o.clientOrderId, o.status])).toEqual([[lost.clientOrderId, 'filled']]);
    expect(report.adopted.map((o) => o.clientOrderId)).toEqual([own.clientOrderId]);
    expect(report.flagged.map((o) => o.clientOrderId)).toEqual([foreign.clientOrderId]);
    expect(report.fills.map((f) => f.clientOrderId)).toEqual([lost.clientOrderId]);
    expect(flagged.portfolio().positions['ETH/BTC']?.amount).toBe(0.2);
  });

  it('refuses to start when a journal order cannot be looked up', async () => {
    const { orders, exchange } = await setup();
    const pending: Order = {
      id: '',
      clientOrderId: 'sx-ETHBTC-9-1',
      symbol: 'ETH/BTC',
      side: 'buy',
      type: 'market',
      amount: 0.1,
      status: 'pending',
      filled: 0,
      timestamp: 0,
      reason: 'entry',
    };
    orders.failLookups(1);
    const broker = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      journal: new OrderJournal({ restore: { orders: [pending], fills: [] } }),
    });
    await expect(broker.start()).rejects.toSatisfy((e) => isSextantError(e, 'PREFLIGHT_FAILED'));
  });

  it('after a restart from SQLite, a trade booked before the crash is not booked again (deduped by trade id)', async () => {
    const { orders, exchange } = await setup();
    const dir = await mkdtemp(join(tmpdir(), 'sextant-ccxt-restart-'));
    try {
      const path = join(dir, 'state.db');
      const store = new SqliteStateStore({ path });
      const first = new CcxtBroker({
        exchange,
        quoteCurrency: 'BTC',
        startingCash: 1,
        journal: new OrderJournal({ store }),
      });
      await first.start();
      const o = await first.submit({ ...buy(0.5), type: 'limit', price: 0.05 }, event());
      orders.fill(o.clientOrderId, 0.2); // part of the resting order executes
      expect((await first.onCandle(event(1))).map((f) => f.amount)).toEqual([0.2]);
      store.close(); // the process dies here

      const reopened = new SqliteStateStore({ path });
      const state = await loadStoredState(reopened);
      expect(state.fills.map((f) => f.tradeId)).toEqual([String(orders.trades[0]?.id)]);
      const restarted = new CcxtBroker({
        exchange,
        quoteCurrency: 'BTC',
        startingCash: 1,
        journal: new OrderJournal({ store: reopened, restore: state }),
      });
      await restarted.start(); // reconciles the partially filled order: myTrades returns the first trade again
      orders.fill(o.clientOrderId, 0.3); // the rest executes after the restart
      const fills = await restarted.onCandle(event(2));
      expect(fills.map((f) => f.amount)).toEqual([0.3]);
      expect(restarted.ledger.position('ETH/BTC')?.amount.toString()).toBe('0.5');
      expect(orders.trades.length).toBe(2);
      expect(reopened.listFills().map((f) => [f.amount, f.tradeId])).toEqual(
        orders.trades.map((t) => [t.qty, String(t.id)]),
      );
      reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when the exchange balances differ from the books rebuilt from the journal', async () => {
    const { orders, exchange } = await setup();
    const first = new CcxtBroker({ exchange, quoteCurrency: 'BTC' });
    await first.start();
    await first.submit(buy(1), event());
    await first.onCandle(event(1));
    const restore = () => ({ restore: { orders: first.journal.all(), fills: first.journal.fills() } });
    // Same books: starts.
    const same = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      journal: new OrderJournal(restore()),
    });
    await same.start();
    expect(same.portfolio().positions['ETH/BTC']?.amount).toBe(1);
    // Someone withdrew 0.1 BTC by hand: the books no longer match the account.
    (orders.balances as Record<string, number>)['BTC'] = (orders.balances['BTC'] ?? 0) - 0.1;
    const differs = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      journal: new OrderJournal(restore()),
    });
    await expect(differs.start()).rejects.toThrow(
      /Exchange balances differ from the books: BTC: exchange "0\.7\d+", books "0\.8\d+"/,
    );
    const skipped = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      checkBalances: false,
      journal: new OrderJournal(restore()),
    });
    await expect(skipped.start()).resolves.toBeDefined();
  });

  it('books fees paid in BNB exactly, outside the BTC books, and restarts on them', async () => {
    const { orders, exchange } = await setup({ BTC: 1, BNB: 2 }, { asset: 'BNB', price: 0.005 });
    const first = new CcxtBroker({ exchange, quoteCurrency: 'BTC', startingCash: 1 });
    await first.start();
    await first.submit(buy(1), event());
    await first.onCandle(event(1));
    await first.submit({ ...buy(1), side: 'sell', reduceOnly: true, reason: 'exit' }, event(2));
    const fills = await first.onCandle(event(3));
    expect(fills.map((f) => f.feeCurrency)).toEqual(['BNB']);
    expect(first.journal.fills().map((f) => f.feeCurrency)).toEqual(['BNB', 'BNB']);
    // BTC moves by the notionals only, to the satoshi; the BNB paid is what the exchange took.
    expect(first.ledger.cash.toNumber()).toBe(orders.balances['BTC']);
    expect(first.ledger.fees.toString()).toBe('0');
    const paid = first.ledger.foreignFees().BNB;
    expect(paid?.toNumber()).toBeCloseTo(2 - (orders.balances['BNB'] ?? 0), 12);
    // exactly the commissions the exchange reported, summed in decimal
    const reported = orders.trades.reduce((sum, t) => sum.plus(t.commission), new Money(0));
    expect(paid?.toString()).toBe(reported.toString());
    expect(first.ledger.isBalanced()).toBe(true);
    // Rebuilt from the journal, the books start against the same account.
    const again = new CcxtBroker({
      exchange,
      quoteCurrency: 'BTC',
      startingCash: 1,
      journal: new OrderJournal({ restore: { orders: first.journal.all(), fills: first.journal.fills() } }),
    });
    await again.start();
    expect(again.ledger.foreignFees().BNB?.toString()).toBe(paid?.toString());
  });
});
