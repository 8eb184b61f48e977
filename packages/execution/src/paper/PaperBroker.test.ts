import { type CandleEvent, CostModel, type Fill, isSextantError, type Order, type OrderIntent } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { PaperBroker } from './PaperBroker.js';

const T0 = Date.UTC(2018, 0, 10);
const M5 = 300_000;

function candle(i: number, open: number, high: number, low: number, close: number, volume = 1000): CandleEvent {
  return { symbol: 'ETH/BTC', timeframe: '5m', candle: { timestamp: T0 + i * M5, open, high, low, close, volume } };
}

function buy(amount: number, extra: Partial<OrderIntent> = {}): OrderIntent {
  return { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount, reduceOnly: false, reason: 'entry', ...extra };
}

describe('PaperBroker', () => {
  it('fills a market buy at the NEXT candle open with taker fee and slippage, booked in the ledger', async () => {
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 10 });
    const c0 = candle(0, 0.1, 0.11, 0.09, 0.105);
    expect(broker.onCandle(c0)).toEqual([]);
    const order = await broker.submit(buy(2), c0);
    expect(order).toMatchObject({
      status: 'open',
      filled: 0,
      timestamp: T0 + M5,
      clientOrderId: `paper-ETHBTC-${T0 + M5}-1`,
    });
    const fills = broker.onCandle(candle(1, 0.12, 0.13, 0.11, 0.125));
    expect(fills).toHaveLength(1);
    const f = fills[0] as Fill;
    expect(f.price).toBeCloseTo(0.12 * 1.001, 15);
    expect(f.fee).toBeCloseTo(2 * 0.12 * 1.001 * 0.001, 15);
    expect(f.timestamp).toBe(T0 + M5);
    expect(broker.order(order.clientOrderId)?.status).toBe('filled');
    const p = broker.portfolio();
    expect(p.positions['ETH/BTC']?.amount).toBe(2);
    expect(p.positions['ETH/BTC']?.markPrice).toBe(0.125);
    expect(p.equity).toBeCloseTo(p.cash + 2 * 0.125, 15);
    expect(broker.ledger.cash.toString()).toBe(
      broker.ledger.startingCash
        .minus(broker.ledger.entries[0]?.lines[0]?.amount ?? 0)
        .minus(f.fee)
        .toString(),
    );
    expect(broker.ledger.isBalanced()).toBe(true);
  });

  it('does not fill an order on the candle it was decided on', async () => {
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' });
    const c0 = candle(0, 0.1, 0.11, 0.09, 0.105);
    await broker.submit(buy(1), c0);
    expect(broker.onCandle(c0)).toEqual([]);
    expect(broker.openOrders).toHaveLength(1);
  });

  it('fills a limit buy only when a later candle trades through it, at the better of open and limit, with maker fee', async () => {
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', makerFee: 0.0005, takerFee: 0.002 });
    await broker.submit(buy(1, { type: 'limit', price: 0.1 }), candle(0, 0.11, 0.11, 0.105, 0.11));
    expect(broker.onCandle(candle(1, 0.11, 0.12, 0.1, 0.11))).toEqual([]); // touches, does not trade through
    const fills = broker.onCandle(candle(2, 0.105, 0.106, 0.099, 0.1));
    expect(fills[0]).toMatchObject({ price: 0.1, amount: 1 });
    expect(fills[0]?.fee).toBeCloseTo(0.1 * 0.0005, 18);
  });

  it('fills a limit at the open when the candle gaps past it; touch mode fills on a touch', async () => {
    const gap = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' });
    await gap.submit(buy(1, { type: 'limit', price: 0.1 }), candle(0, 0.11, 0.11, 0.105, 0.11));
    expect(gap.onCandle(candle(1, 0.09, 0.095, 0.085, 0.09))[0]?.price).toBe(0.09);
    const touch = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', limitFill: 'touch' });
    await touch.submit({ ...buy(1, { type: 'limit', price: 0.12 }), side: 'sell' }, candle(0, 0.11, 0.11, 0.105, 0.11));
    // nothing held: a sell that is not reduce-only is canceled rather than shorting
    touch.onCandle(candle(1, 0.11, 0.12, 0.1, 0.11));
    expect(touch.openOrders).toHaveLength(0);
  });

  it('fills partially up to a share of candle volume and keeps the rest working', async () => {
    const broker = new PaperBroker({ startingCash: 100, quoteCurrency: 'BTC', maxVolumeShare: 0.1 });
    const o = await broker.submit(buy(25), candle(0, 0.1, 0.1, 0.1, 0.1));
    expect(broker.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1, 100))[0]?.amount).toBe(10);
    expect(broker.order(o.clientOrderId)).toMatchObject({ status: 'partially_filled', filled: 10 });
    broker.onCandle(candle(2, 0.1, 0.1, 0.1, 0.1, 100));
    expect(broker.onCandle(candle(3, 0.1, 0.1, 0.1, 0.1, 100))[0]?.amount).toBe(5);
    expect(broker.order(o.clientOrderId)).toMatchObject({ status: 'filled', filled: 25 });
    expect(broker.portfolio().positions['ETH/BTC']?.amount).toBe(25);
  });

  it('rejects a buy the cash cannot pay at the fill price, booking nothing', async () => {
    const broker = new PaperBroker({ startingCash: 0.1, quoteCurrency: 'BTC' });
    const o = await broker.submit(buy(1), candle(0, 0.1, 0.1, 0.1, 0.1));
    expect(broker.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1))).toEqual([]);
    expect(broker.order(o.clientOrderId)?.status).toBe('rejected');
    expect(broker.ledger.cash.toString()).toBe('0.1');
  });

  it('closes the whole position with a reduce-only sell of the held amount, realising P&L exactly', async () => {
    const broker = new PaperBroker({ startingCash: '1', quoteCurrency: 'BTC', takerFee: 0 });
    await broker.submit(buy(0.3), candle(0, 0.1, 0.1, 0.1, 0.1));
    broker.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1));
    const held = broker.portfolio().positions['ETH/BTC']?.amount as number;
    await broker.submit(
      { symbol: 'ETH/BTC', side: 'sell', type: 'market', amount: held * 2, reduceOnly: true, reason: 'exit:stop' },
      candle(1, 0.1, 0.1, 0.1, 0.1),
    );
    const [f] = broker.onCandle(candle(2, 0.2, 0.2, 0.2, 0.2));
    expect(f?.amount).toBe(0.3);
    expect(broker.portfolio().positions).toEqual({});
    expect(broker.ledger.realisedPnl.toString()).toBe('0.03');
    expect(broker.ledger.cash.toString()).toBe('1.03');
  });

  it('returns the same order when a candle is replayed after a restart instead of placing a duplicate', async () => {
    const recorded: Order[] = [];
    const sink = { recordOrder: (o: Order) => recorded.push(o), recordFill: () => {} };
    const a = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', journal: sink });
    const first = await a.submit(buy(1), candle(0, 0.1, 0.1, 0.1, 0.1));
    const b = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', restore: { orders: recorded, fills: [] } });
    const again = await b.submit(buy(1), candle(0, 0.1, 0.1, 0.1, 0.1));
    expect(again.clientOrderId).toBe(first.clientOrderId);
    expect(b.openOrders).toHaveLength(1);
    expect(b.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1))).toHaveLength(1);
  });

  it('throws typed errors quoting the bad value for bad intents and config', async () => {
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' });
    const c0 = candle(0, 0.1, 0.1, 0.1, 0.1);
    // Paper answers at once: bad input throws synchronously, before anything is placed.
    expect(() => broker.submit(buy(Number.NaN), c0)).toThrow(/got "NaN"/);
    const thrown = ((): unknown => {
      try {
        broker.submit(buy(-1), c0);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(isSextantError(thrown, 'INVALID_ARGUMENT')).toBe(true);
    expect(() => broker.submit(buy(1, { symbol: 'ETH/USDT' }), c0)).toThrow(/"ETH\/USDT" is not quoted in "BTC"/);
    expect(() => broker.submit(buy(1, { type: 'limit' }), c0)).toThrow(/Limit price .* got "undefined"/);
    expect(() => new PaperBroker({ startingCash: -1, quoteCurrency: 'BTC' })).toThrow(/startingCash/);
    expect(() => new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 2 })).toThrow(/takerFee/);
    expect(broker.openOrders).toHaveLength(0);
  });

  it('uses core CostModel (shared with the decision engine) for fees, spread and slippage', async () => {
    const costs = new CostModel({ takerFee: 0.002, makerFee: 0.001, spreadBps: 2, slippageBps: 3 });
    const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', costModel: costs });
    await broker.submit(buy(2), candle(0, 0.1, 0.1, 0.1, 0.1));
    const [f] = broker.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1));
    // Flat prices: volatility 0, so slippage is the base 3 bps; the fill price is CostModel.fillPrice's.
    expect(f?.price).toBeCloseTo(costs.fillPrice('buy', 0.1, { notional: 0.2, volatility: 0 }), 15);
    expect(f?.price).toBeCloseTo(0.1 * (1 + 0.0005), 15);
    expect(f?.fee).toBeCloseTo(2 * (f?.price as number) * 0.002, 15);
    await broker.submit(
      { symbol: 'ETH/BTC', side: 'sell', type: 'limit', price: 0.1, amount: 1, reduceOnly: true, reason: 'tp' },
      candle(1, 0.1, 0.1, 0.1, 0.1),
    );
    const [g] = broker.onCandle(candle(2, 0.1, 0.11, 0.1, 0.1));
    expect(g?.price).toBe(0.1);
    expect(g?.fee).toBeCloseTo(0.1 * 0.001, 15);
  });

  it('on restore, takes the recorded fills as the truth and repairs order records a crash left behind', async () => {
    const a = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC' });
    const o = await a.submit(buy(1), candle(0, 0.1, 0.1, 0.1, 0.1));
    const [f] = a.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1));
    // Crash after the fill was written, before the status was: the record still says "open".
    const repaired: Order[] = [];
    const b = new PaperBroker({
      startingCash: 1,
      quoteCurrency: 'BTC',
      journal: { recordOrder: (x) => repaired.push(x) },
      restore: { orders: [o], fills: [f as Fill] },
    });
    expect(b.openOrders).toEqual([]);
    expect(repaired).toMatchObject([{ clientOrderId: o.clientOrderId, status: 'filled', filled: 1 }]);
    // A status recorded without its fill (the other order of writes) makes the order work again: the replayed candle fills it once.
    const c = new PaperBroker({
      startingCash: 1,
      quoteCurrency: 'BTC',
      restore: { orders: [{ ...o, status: 'filled', filled: 1 }], fills: [] },
    });
    expect(c.openOrders).toHaveLength(1);
    expect(c.onCandle(candle(1, 0.1, 0.1, 0.1, 0.1))).toHaveLength(1);
    expect(c.ledger.cash.toString()).toBe(a.ledger.cash.toString());
  });
});
