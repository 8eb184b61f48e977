/**
 * The shared contract every `Broker` implementation passes (paper and live):
 * fills are reported by `onCandle` after `submit`, the account moves by
 * exactly the fills, equity is cash plus positions at their marks, a
 * reduce-only sell closes the position, bad input is refused before
 * anything is sent, and client order ids are unique.
 */
import { type Broker, type CandleEvent, type Fill, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';

/** What a broker implementation hands the contract. */
export interface BrokerHarness {
  broker: Broker;
  /** An ETH/BTC candle event at step `i` (5m apart, increasing). */
  event(i: number): CandleEvent;
  /** Release servers etc. */
  close(): Promise<void>;
}

/** A call as a promise, whether the broker throws synchronously (paper) or rejects (live). */
const attempt = <T>(f: () => T | Promise<T>): Promise<T> => Promise.resolve().then(f);

const sum = (fills: readonly Fill[], f: (x: Fill) => number): number => fills.reduce((s, x) => s + f(x), 0);

/** Run the contract against one implementation. */
export function testBrokerContract(name: string, make: () => Promise<BrokerHarness>): void {
  describe(`Broker contract: ${name}`, () => {
    it('reports the fills of a market buy by onCandle and moves the account by exactly them', async () => {
      const h = await make();
      try {
        const { broker } = h;
        await broker.onCandle(h.event(0));
        const before = broker.portfolio();
        const order = await broker.submit(
          { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 1, reduceOnly: false, reason: 'entry' },
          h.event(0),
        );
        expect(order.clientOrderId).not.toBe('');
        const fills = [...(await broker.onCandle(h.event(1))), ...(await broker.onCandle(h.event(2)))];
        expect(fills.length).toBeGreaterThan(0);
        for (const f of fills) {
          expect(f.clientOrderId).toBe(order.clientOrderId);
          expect(f.amount).toBeGreaterThan(0);
          expect(f.price).toBeGreaterThan(0);
          expect(f.fee).toBeGreaterThanOrEqual(0);
        }
        expect(sum(fills, (f) => f.amount)).toBeCloseTo(1, 12);
        const after = broker.portfolio();
        const spent = sum(fills, (f) => f.amount * f.price + f.fee);
        expect(before.cash - after.cash).toBeCloseTo(spent, 12);
        const pos = after.positions['ETH/BTC'];
        expect(pos?.amount).toBeCloseTo(1, 12);
        expect(after.equity).toBeCloseTo(after.cash + (pos?.amount ?? 0) * (pos?.markPrice ?? 0), 12);
        expect(pos?.markPrice).toBe(h.event(2).candle.close);
        // The optional one-market and equity reads answer exactly what the snapshot says.
        if (broker.position) expect(broker.position('ETH/BTC')).toEqual(pos);
        if (broker.position) expect(broker.position('LTC/BTC')).toBeUndefined();
        if (broker.equity) expect(broker.equity()).toBe(after.equity);
      } finally {
        await h.close();
      }
    });

    it('closes the whole position with a reduce-only sell of the held amount', async () => {
      const h = await make();
      try {
        const { broker } = h;
        await broker.submit(
          { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 1, reduceOnly: false, reason: 'entry' },
          h.event(0),
        );
        await broker.onCandle(h.event(1));
        const held = broker.portfolio().positions['ETH/BTC']?.amount as number;
        await broker.submit(
          { symbol: 'ETH/BTC', side: 'sell', type: 'market', amount: held, reduceOnly: true, reason: 'exit:signal' },
          h.event(1),
        );
        const fills = [...(await broker.onCandle(h.event(2))), ...(await broker.onCandle(h.event(3)))];
        expect(
          sum(
            fills.filter((f) => f.side === 'sell'),
            (f) => f.amount,
          ),
        ).toBeCloseTo(held, 12);
        expect(broker.portfolio().positions['ETH/BTC']).toBeUndefined();
        expect(broker.portfolio().equity).toBe(broker.portfolio().cash);
        if (broker.position) expect(broker.position('ETH/BTC')).toBeUndefined();
        if (broker.equity) expect(broker.equity()).toBe(broker.portfolio().cash);
      } finally {
        await h.close();
      }
    });

    it('refuses a bad amount or a foreign quote currency with a typed error, and sends nothing', async () => {
      const h = await make();
      try {
        const { broker } = h;
        const bad = [Number.NaN, -1, 0, Number.POSITIVE_INFINITY];
        for (const amount of bad) {
          await expect(
            attempt(() =>
              broker.submit(
                { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount, reduceOnly: false, reason: 'entry' },
                h.event(0),
              ),
            ),
          ).rejects.toSatisfy(
            (e) => isSextantError(e, 'INVALID_ARGUMENT') && (e as Error).message.includes(`"${amount}"`),
          );
        }
        await expect(
          attempt(() =>
            broker.submit(
              { symbol: 'ETH/USDT', side: 'buy', type: 'market', amount: 1, reduceOnly: false, reason: 'entry' },
              h.event(0),
            ),
          ),
        ).rejects.toSatisfy((e) => isSextantError(e, 'INVALID_ARGUMENT'));
        expect(await broker.onCandle(h.event(1))).toEqual([]);
        expect(broker.portfolio().positions).toEqual({});
      } finally {
        await h.close();
      }
    });

    it('gives every order a unique client order id, including several on one candle', async () => {
      const h = await make();
      try {
        const ids = new Set<string>();
        for (let i = 0; i < 3; i++) {
          const o = await h.broker.submit(
            { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 0.1, reduceOnly: false, reason: 'entry' },
            h.event(0),
          );
          ids.add(o.clientOrderId);
        }
        expect(ids.size).toBe(3);
      } finally {
        await h.close();
      }
    });
  });
}
