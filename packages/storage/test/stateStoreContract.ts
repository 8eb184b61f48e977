import { type Decision, type Fill, type Order, type OrderIntent, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import type { DurableStateStore } from '../src/sqlite.js';

/** What a contract run needs: a fresh store, and a way to reopen the same one (for durability). */
export interface StateStoreHarness {
  /** A new, empty store. */
  create(): Promise<DurableStateStore & { close(): void | Promise<void> }>;
  /** Close `store` and open the same database again. */
  reopen(
    store: DurableStateStore & { close(): void | Promise<void> },
  ): Promise<DurableStateStore & { close(): void | Promise<void> }>;
}

const T0 = Date.UTC(2018, 0, 10, 12);
const decision: Decision = {
  symbol: 'ETH/BTC',
  timestamp: T0,
  action: 'BUY',
  confidence: 0.72,
  predictions: { 'gbdt:1h': 0.0042 },
  reasons: ['p(up) 0.72 >= 0.6'],
};
const intent: OrderIntent = {
  symbol: 'ETH/BTC',
  side: 'buy',
  type: 'market',
  amount: 0.5,
  reduceOnly: false,
  reason: 'entry',
  decision,
};
const order = (status: Order['status'], filled: number): Order => ({
  id: 'x-1',
  clientOrderId: 'c-1',
  symbol: 'ETH/BTC',
  side: 'buy',
  type: 'market',
  amount: 0.5,
  status,
  filled,
  timestamp: T0,
  reason: 'entry',
  reduceOnly: false,
});
const fill: Fill = {
  orderId: 'x-1',
  clientOrderId: 'c-1',
  symbol: 'ETH/BTC',
  side: 'buy',
  amount: 0.5,
  price: 0.0984,
  fee: 0.0005,
  feeCurrency: 'ETH',
  timestamp: T0 + 1000,
  reason: 'entry',
};

/**
 * The shared contract every {@link DurableStateStore} implementation must
 * pass (SQLite now, PostgreSQL later): what is written reads back exactly,
 * survives a reopen, and bad input is refused with typed errors.
 */
export function describeStateStoreContract(name: string, harness: StateStoreHarness): void {
  describe(`${name}: DurableStateStore contract`, () => {
    it('journals intent -> order status changes -> fills, and reconciles open orders', async () => {
      const s = await harness.create();
      await s.recordIntent('c-1', intent, T0);
      expect((await s.openOrders()).map((o) => o.clientOrderId)).toEqual(['c-1']);
      await s.recordOrder(order('open', 0));
      await s.recordOrder(order('open', 0)); // no change: no history entry
      await s.recordOrder(order('partially_filled', 0.2));
      await s.recordOrder(order('filled', 0.5));
      await s.recordFill(fill);
      const got = await s.getOrder('c-1');
      expect(got).toMatchObject({ ...order('filled', 0.5), intent });
      expect((await s.orderHistory('c-1')).map((h) => [h.status, h.filled])).toEqual([
        ['pending', 0],
        ['open', 0],
        ['partially_filled', 0.2],
        ['filled', 0.5],
      ]);
      expect(await s.openOrders()).toEqual([]);
      expect(await s.listFills('c-1')).toEqual([fill]);
      expect(await s.getOrder('nope')).toBeUndefined();
      await s.close();
    });

    it('keeps positions and an exact-decimal ledger', async () => {
      const s = await harness.create();
      await s.setPosition({ symbol: 'ETH/BTC', amount: '0.5', entryPrice: '0.0984' }, T0);
      await s.setPosition({ symbol: 'LTC/BTC', amount: '3', entryPrice: '0.0191' }, T0);
      await s.setPosition({ symbol: 'LTC/BTC', amount: '0', entryPrice: '0' }, T0 + 1);
      expect(await s.listPositions()).toEqual([
        { symbol: 'ETH/BTC', amount: '0.5', entryPrice: '0.0984', updatedAt: T0 },
      ]);
      // 0.1 + 0.2 - 0.3 is exactly 0 in decimal (not 5.55e-17 as in floats).
      await s.appendLedger([
        { timestamp: T0, currency: 'BTC', amount: '0.1', kind: 'deposit' },
        { timestamp: T0, currency: 'BTC', amount: '0.2', kind: 'deposit' },
        { timestamp: T0, currency: 'BTC', amount: '-0.3', kind: 'fill', ref: 'c-1' },
        { timestamp: T0, currency: 'ETH', amount: '0.00000001', kind: 'fill', ref: 'c-1' },
      ]);
      expect(await s.ledgerBalance('BTC')).toBe('0');
      expect(await s.ledgerBalance('ETH')).toBe('1e-8');
      expect(await s.ledgerBalance('XRP')).toBe('0');
      await s.close();
    });

    it('a bad ledger entry leaves the ledger untouched (all or nothing)', async () => {
      const s = await harness.create();
      const bad = (): unknown =>
        s.appendLedger([
          { timestamp: T0, currency: 'BTC', amount: '1', kind: 'deposit' },
          { timestamp: T0, currency: 'BTC', amount: 'one', kind: 'deposit' },
        ]);
      await expect(Promise.resolve().then(bad)).rejects.toSatisfy((e) => isSextantError(e, 'INVALID_ARGUMENT'));
      expect(await s.ledgerBalance('BTC')).toBe('0');
      // Refused by the database itself on the second row: the first is rolled back.
      const midway = (): unknown =>
        s.appendLedger([
          { timestamp: T0, currency: 'BTC', amount: '1', kind: 'deposit' },
          { timestamp: T0, currency: null as unknown as string, amount: '1', kind: 'deposit' },
        ]);
      await expect(Promise.resolve().then(midway)).rejects.toSatisfy((e) => isSextantError(e, 'INVALID_ARGUMENT'));
      expect(await s.ledgerBalance('BTC')).toBe('0');
      await s.close();
    }, 10_000);

    it('records decisions and cycles, queried by symbol, time and limit', async () => {
      const s = await harness.create();
      for (let i = 0; i < 5; i++) {
        await s.recordDecision({ ...decision, timestamp: T0 + i * 300_000 });
        await s.recordCycle({
          symbol: 'ETH/BTC',
          timestamp: T0 + i * 300_000,
          ok: i !== 3,
          ...(i === 3 ? { failedStage: 'predict' } : {}),
          timings: { features: 0.4, predict: 1.2 },
          equity: 1 + i / 100,
        });
      }
      await s.recordDecision({ ...decision, symbol: 'LTC/BTC' });
      expect((await s.listDecisions({ symbol: 'ETH/BTC' })).length).toBe(5);
      expect((await s.listDecisions({ symbol: 'ETH/BTC', from: T0 + 600_000 })).map((d) => d.timestamp)).toEqual([
        T0 + 600_000,
        T0 + 900_000,
        T0 + 1_200_000,
      ]);
      expect((await s.listDecisions({ symbol: 'ETH/BTC', limit: 2 })).map((d) => d.timestamp)).toEqual([
        T0 + 900_000,
        T0 + 1_200_000,
      ]);
      expect((await s.listDecisions({ symbol: 'LTC/BTC' }))[0]).toEqual({ ...decision, symbol: 'LTC/BTC' });
      const cycles = await s.listCycles({ symbol: 'ETH/BTC' });
      expect(cycles[3]).toEqual({
        symbol: 'ETH/BTC',
        timestamp: T0 + 900_000,
        ok: false,
        failedStage: 'predict',
        timings: { features: 0.4, predict: 1.2 },
        equity: 1.03,
      });
      await s.close();
    });

    it('stores JSON values by key and a model registry with metric history', async () => {
      const s = await harness.create();
      await s.setValue('runner.lastCandle', { 'ETH/BTC': T0 }, T0);
      await s.setValue('runner.lastCandle', { 'ETH/BTC': T0 + 1 }, T0 + 1);
      expect(await s.getValue('runner.lastCandle')).toEqual({ 'ETH/BTC': T0 + 1 });
      expect(await s.getValue('missing')).toBeUndefined();
      await s.registerModel({
        name: 'eth-gbdt',
        version: 'v1',
        createdAt: T0,
        featureHash: 'h1',
        params: { depth: 3 },
      });
      await s.registerModel({ name: 'eth-gbdt', version: 'v2', createdAt: T0 + 1, params: {} });
      await s.recordModelMetrics('eth-gbdt', 'v1', { auc: 0.61, logloss: 0.68 }, T0 + 10);
      await s.recordModelMetrics('eth-gbdt', 'v1', { auc: 0.58 }, T0 + 20);
      expect((await s.listModels('eth-gbdt')).map((m) => m.version)).toEqual(['v1', 'v2']);
      expect((await s.listModels())[0]).toEqual({
        name: 'eth-gbdt',
        version: 'v1',
        createdAt: T0,
        featureHash: 'h1',
        params: { depth: 3 },
      });
      expect(
        (await s.modelMetrics('eth-gbdt', 'v1')).filter((m) => m.name === 'auc').map((m) => [m.at, m.value]),
      ).toEqual([
        [T0 + 10, 0.61],
        [T0 + 20, 0.58],
      ]);
      const dup = await Promise.resolve()
        .then(() => s.registerModel({ name: 'eth-gbdt', version: 'v1', createdAt: T0, params: {} }))
        .catch((e: unknown) => e);
      expect(isSextantError(dup, 'INVALID_ARGUMENT')).toBe(true);
      const unknown = await Promise.resolve()
        .then(() => s.recordModelMetrics('nope', 'v9', { auc: 0.5 }, T0))
        .catch((e: unknown) => e);
      expect((unknown as Error).message).toContain('"nope" version "v9" is not registered');
      await s.close();
    });

    it('keeps exchange trade ids on fills and records a trade seen again once, across a reopen', async () => {
      let s = await harness.create();
      const traded: Fill = { ...fill, tradeId: '7731' };
      await s.recordFill(traded);
      await s.recordFill(traded); // the same execution reported twice
      await s.recordFill({ ...traded, symbol: 'LTC/BTC' }); // trade ids are per market
      await s.recordFill(fill); // no trade id (paper fills): always kept
      s = await harness.reopen(s);
      await s.recordFill(traded); // seen again after a restart
      expect(await s.listFills()).toEqual([traded, { ...traded, symbol: 'LTC/BTC' }, fill]);
      await s.close();
    });

    it('keeps one decision per market and candle: a replayed candle replaces, never duplicates', async () => {
      const s = await harness.create();
      await s.recordDecision(decision);
      const replayed: Decision = { ...decision, confidence: 0.75, reasons: ['replayed after a crash'] };
      await s.recordDecision(replayed);
      await s.recordDecision({ ...decision, symbol: 'LTC/BTC' });
      expect(await s.listDecisions({ symbol: 'ETH/BTC' })).toEqual([replayed]);
      expect((await s.listDecisions()).length).toBe(2);
      await s.close();
    });

    it('everything survives a reopen', async () => {
      let s = await harness.create();
      await s.recordIntent('c-1', intent, T0);
      await s.recordDecision(decision);
      await s.appendLedger([{ timestamp: T0, currency: 'BTC', amount: '0.12345678', kind: 'deposit' }]);
      await s.setValue('k', [1, 2, 3], T0);
      s = await harness.reopen(s);
      expect((await s.getOrder('c-1'))?.intent).toEqual(intent);
      expect(await s.listDecisions()).toEqual([decision]);
      expect(await s.ledgerBalance('BTC')).toBe('0.12345678');
      expect(await s.getValue('k')).toEqual([1, 2, 3]);
      await s.close();
    });

    it('refuses bad input with typed errors', async () => {
      const s = await harness.create();
      const attempts: [() => unknown, RegExp][] = [
        [() => s.recordDecision({ ...decision, confidence: 1.5 }), /Invalid decision/],
        [() => s.recordFill({ ...fill, amount: -1 }), /amount -1/],
        [() => s.recordFill({ ...fill, price: Number.NaN }), /price NaN/],
        [
          () => s.recordOrder({ ...order('open', 0), amount: Number.POSITIVE_INFINITY }),
          /order amount must be a finite number, got Infinity/,
        ],
        [() => s.recordIntent('', intent, T0), /client order id must be a non-empty string/],
        [
          () => s.setPosition({ symbol: 'ETH/BTC', amount: '1e', entryPrice: '1' }, T0),
          /position amount must be a decimal string, got "1e"/,
        ],
        [() => s.recordOrder({ ...order('open', 0), side: 'long' as 'buy' }), /CHECK constraint/],
      ];
      for (const [attempt, message] of attempts) {
        const e = await Promise.resolve()
          .then(attempt)
          .catch((err: unknown) => err);
        expect(isSextantError(e, 'INVALID_ARGUMENT'), String(e)).toBe(true);
        expect((e as Error).message).toMatch(message);
      }
      await s.recordIntent('c-1', intent, T0);
      const again = await Promise.resolve()
        .then(() => s.recordIntent('c-1', intent, T0))
        .catch((e: unknown) => e);
      expect(isSextantError(again, 'INVALID_ARGUMENT')).toBe(true);
      await s.close();
    });
  });
}
