import type { Fill, Order } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { OrderJournal } from './OrderJournal.js';

const order: Order = {
  id: '',
  clientOrderId: 'sx-ETHBTC-1-1',
  symbol: 'ETH/BTC',
  side: 'buy',
  type: 'market',
  amount: 1,
  status: 'pending',
  filled: 0,
  timestamp: 1,
  reason: 'entry',
};
const fill: Fill = {
  orderId: '7',
  clientOrderId: order.clientOrderId,
  symbol: 'ETH/BTC',
  side: 'buy',
  amount: 1,
  price: 0.1,
  fee: 0.0001,
  feeCurrency: 'BTC',
  timestamp: 2,
  reason: 'entry',
  tradeId: '99',
};

describe('OrderJournal', () => {
  it('writes through to the store before returning, keeps the status history and the live orders', async () => {
    const written: string[] = [];
    let t = 0;
    const journal = new OrderJournal({
      store: {
        recordOrder: async (o) => {
          await new Promise((r) => setTimeout(r, 5));
          written.push(o.status);
        },
        recordFill: () => {},
      },
      now: () => ++t,
    });
    await journal.write(order, 'written before sending');
    expect(written).toEqual(['pending']); // awaited: the store has it before the order is sent
    await journal.write({ ...order, id: '7', status: 'unknown' }, 'create timed out');
    expect(journal.live('ETH/BTC').map((o) => o.status)).toEqual(['unknown']);
    await journal.write({ ...order, id: '7', status: 'filled', filled: 1 }, 'resolved by client id');
    expect(journal.live()).toEqual([]);
    expect(journal.history(order.clientOrderId)).toEqual([
      { status: 'pending', at: 1, note: 'written before sending' },
      { status: 'unknown', at: 2, note: 'create timed out' },
      { status: 'filled', at: 3, note: 'resolved by client id' },
    ]);
  });

  it('books a fill once per exchange trade id, also across a restart', () => {
    const journal = new OrderJournal();
    expect(journal.recordFill(fill)).toBe(true);
    expect(journal.recordFill({ ...fill })).toBe(false);
    const restarted = new OrderJournal({ restore: { orders: [order], fills: journal.fills() } });
    expect(restarted.hasTrade('ETH/BTC', '99')).toBe(true);
    expect(restarted.recordFill({ ...fill })).toBe(false);
    expect(restarted.fills()).toHaveLength(1);
    expect(restarted.get(order.clientOrderId)?.status).toBe('pending');
  });

  it('keeps background store failures instead of losing them', async () => {
    const journal = new OrderJournal({
      store: { recordOrder: () => Promise.reject(new Error('disk full')), recordFill: () => {} },
    });
    journal.recordOrder(order);
    await new Promise((r) => setTimeout(r, 0));
    expect(journal.writeErrors).toHaveLength(1);
  });
});
