import { type Fill, isSextantError } from '@sextant/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from './Ledger.js';
import { Money } from './Money.js';

const SYMBOLS = ['ETH/BTC', 'LTC/BTC', 'XMR/BTC'] as const;
const SAT = 100_000_000n;

/** A fill whose amount, price and fee are whole numbers of 1e-8 units (what an exchange reports). */
interface IntFill {
  symbol: (typeof SYMBOLS)[number];
  side: 'buy' | 'sell';
  amount: bigint;
  price: bigint;
  fee: bigint;
}

const intFill = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  amount: fc.bigInt({ min: 1n, max: 5n * SAT }),
  price: fc.bigInt({ min: 1n, max: 2n * SAT }),
  fee: fc.bigInt({ min: 0n, max: 100_000n }),
});

function toFill(f: IntFill, i: number): Fill {
  return {
    orderId: String(i),
    clientOrderId: `c${i}`,
    symbol: f.symbol,
    side: f.side,
    amount: Number(f.amount) / 1e8,
    price: Number(f.price) / 1e8,
    fee: Number(f.fee) / 1e8,
    feeCurrency: 'BTC',
    timestamp: i,
    reason: 'prop',
  };
}

/** A bigint at `scale` decimal places as a plain decimal string. */
function fmt(v: bigint, scale: number): string {
  return new Money(v.toString()).div(new Money(10).pow(scale)).toString();
}

describe('Ledger', () => {
  it('books a buy and a sell as balanced entries (hand-checked numbers)', () => {
    const l = new Ledger({ startingCash: '1', quoteCurrency: 'BTC' });
    const base = { orderId: '1', symbol: 'ETH/BTC', feeCurrency: 'BTC', reason: 'x' } as const;
    l.apply({ ...base, clientOrderId: 'a', side: 'buy', amount: 2, price: 0.1, fee: 0.0002, timestamp: 1 });
    expect(l.cash.toString()).toBe('0.7998');
    l.apply({ ...base, clientOrderId: 'b', side: 'sell', amount: 0.5, price: 0.12, fee: 0.00006, timestamp: 2 });
    // proceeds 0.06 - fee 0.00006; cost out 0.05; realised 0.01
    expect(l.cash.toString()).toBe('0.85974');
    expect(l.realisedPnl.toString()).toBe('0.01');
    expect(l.position('ETH/BTC')?.amount.toString()).toBe('1.5');
    expect(l.position('ETH/BTC')?.cost.toString()).toBe('0.15');
    expect(l.fees.toString()).toBe('0.00026');
    expect(l.unrealisedPnl({ 'ETH/BTC': 0.11 }).toString()).toBe('0.015');
    expect(l.equity({ 'ETH/BTC': 0.11 }).toString()).toBe('1.02474');
    for (const e of l.entries) expect(e.lines.reduce((s, x) => s.plus(x.amount), new Money(0)).toString()).toBe('0');
    expect(l.isBalanced()).toBe(true);
  });

  it('books a fee charged in base currency: fewer coins received, fee valued at the fill price', () => {
    const l = new Ledger({ startingCash: '1', quoteCurrency: 'BTC' });
    const base = { orderId: '1', symbol: 'ETH/BTC', feeCurrency: 'ETH', reason: 'x' } as const;
    l.apply({ ...base, clientOrderId: 'a', side: 'buy', amount: 2, price: 0.1, fee: 0.002, timestamp: 1 });
    expect(l.position('ETH/BTC')?.amount.toString()).toBe('1.998');
    expect(l.cash.toString()).toBe('0.8');
    expect(l.fees.toString()).toBe('0.0002');
    expect(l.isBalanced()).toBe(true);
  });

  it('books a fee charged in a third currency (BNB) exactly, in that currency, outside cash and quote fees', () => {
    const l = new Ledger({ startingCash: '1', quoteCurrency: 'BTC' });
    const base = { orderId: '1', symbol: 'ETH/BTC', feeCurrency: 'BNB', reason: 'x' } as const;
    l.apply({ ...base, clientOrderId: 'a', side: 'buy', amount: 2, price: 0.1, fee: 0.0003, timestamp: 1 });
    // the whole notional leaves cash, every coin bought is held
    expect(l.cash.toString()).toBe('0.8');
    expect(l.position('ETH/BTC')?.amount.toString()).toBe('2');
    l.apply({ ...base, clientOrderId: 'b', side: 'sell', amount: 2, price: 0.11, fee: 0.0001, timestamp: 2 });
    expect(l.cash.toString()).toBe('1.02');
    expect(l.position('ETH/BTC')).toBeUndefined();
    expect(l.realisedPnl.toString()).toBe('0.02');
    expect(l.fees.toString()).toBe('0');
    expect(Object.fromEntries(Object.entries(l.foreignFees()).map(([c, m]) => [c, m.toString()]))).toEqual({
      BNB: '0.0004',
    });
    // each entry carries the fee against an external BNB account, and balances
    const last = l.entries[1]!;
    expect(last.lines.map((x) => [x.account, x.amount.toString()])).toContainEqual(['fees:BNB', '0.0001']);
    expect(last.lines.map((x) => [x.account, x.amount.toString()])).toContainEqual(['external:BNB', '-0.0001']);
    for (const e of l.entries) expect(e.lines.reduce((s, x) => s.plus(x.amount), new Money(0)).toString()).toBe('0');
    expect(l.isBalanced()).toBe(true);
    // rebuilt from its fills, the same books
    const again = Ledger.fromFills({ startingCash: '1', quoteCurrency: 'BTC' }, [
      { ...base, clientOrderId: 'a', side: 'buy', amount: 2, price: 0.1, fee: 0.0003, timestamp: 1 },
      { ...base, clientOrderId: 'b', side: 'sell', amount: 2, price: 0.11, fee: 0.0001, timestamp: 2 },
    ]);
    expect(again.foreignFees().BNB?.toString()).toBe('0.0004');
    expect(again.cash.toString()).toBe('1.02');
  });

  it('rejects bad fills with typed errors quoting the value, and books nothing', () => {
    const l = new Ledger({ startingCash: '1', quoteCurrency: 'BTC' });
    const ok: Fill = {
      orderId: '1',
      clientOrderId: 'c',
      symbol: 'ETH/BTC',
      side: 'buy',
      amount: 1,
      price: 0.1,
      fee: 0,
      feeCurrency: 'BTC',
      timestamp: 0,
      reason: 'x',
    };
    expect(() => l.apply({ ...ok, amount: Number.NaN })).toThrow(/amount .* got "NaN"/);
    expect(() => l.apply({ ...ok, price: -1 })).toThrow(/price .* got "-1"/);
    expect(() => l.apply({ ...ok, fee: Number.POSITIVE_INFINITY })).toThrow(/fee/);
    expect(() => l.apply({ ...ok, symbol: 'ETH/USDT' })).toThrow(/"ETH\/USDT" is not quoted in the ledger's "BTC"/);
    expect(() => l.apply({ ...ok, feeCurrency: '' })).toThrow(/fee currency must be a currency code, got ""/);
    expect(() => l.apply({ ...ok, amount: 11 })).toSatisfy((f: () => void) => {
      try {
        f();
        return false;
      } catch (e) {
        return isSextantError(e, 'INSUFFICIENT_FUNDS') && /needs "1.1" BTC, cash is "1"/.test((e as Error).message);
      }
    });
    expect(() => l.apply({ ...ok, side: 'sell' })).toThrow(/exceeds the holding "0"/);
    expect(() => new Ledger({ startingCash: 'abc', quoteCurrency: 'BTC' })).toThrow(/got "abc"/);
    expect(() => new Ledger({ startingCash: -1, quoteCurrency: 'BTC' })).toThrow(/got "-1"/);
    expect(l.entries).toHaveLength(0);
    expect(l.cash.toString()).toBe('1');
  });

  it('property: value is conserved to the smallest unit and equals a bigint recomputation from the fills', () => {
    fc.assert(
      fc.property(
        fc.array(intFill, { minLength: 1, maxLength: 60 }),
        fc.bigInt({ min: 0n, max: 50n * SAT }),
        (fills, start) => {
          const ledger = new Ledger({ startingCash: fmt(start, 8), quoteCurrency: 'BTC' });
          // Independent recomputation in integers: cash at 1e-16, amounts at 1e-8.
          let cash = start * SAT;
          let fees = 0n;
          let notionalFlow = 0n; // Σ sell notional - Σ buy notional, at 1e-16
          const held = new Map<string, bigint>();
          fills.forEach((f, i) => {
            const notional = f.amount * f.price;
            const h = held.get(f.symbol) ?? 0n;
            const fee16 = f.fee * SAT;
            const accepted = f.side === 'buy' ? notional + fee16 <= cash : f.amount <= h;
            const before = ledger.entries.length;
            try {
              ledger.apply(toFill(f, i));
            } catch (e) {
              expect(isSextantError(e, 'INSUFFICIENT_FUNDS')).toBe(true);
            }
            expect(ledger.entries.length - before).toBe(accepted ? 1 : 0);
            if (!accepted) return;
            cash += f.side === 'buy' ? -(notional + fee16) : notional - fee16;
            fees += f.fee;
            notionalFlow += f.side === 'buy' ? -notional : notional;
            held.set(f.symbol, f.side === 'buy' ? h + f.amount : h - f.amount);
          });
          expect(ledger.cash.toString()).toBe(fmt(cash, 16));
          expect(ledger.fees.toString()).toBe(fmt(fees, 8));
          for (const s of SYMBOLS) {
            expect(ledger.position(s)?.amount.toString() ?? '0').toBe(fmt(held.get(s) ?? 0n, 8));
          }
          // realised - open cost = Σ sell notional - Σ buy notional, exactly
          const openCost = ledger.positions().reduce((a, p) => a.plus(p.cost), new Money(0));
          expect(ledger.realisedPnl.minus(openCost).toString()).toBe(fmt(notionalFlow, 16));
          // conservation: equity at any marks = start - fees + realised + unrealised, exactly
          const marks = { 'ETH/BTC': 0.07, 'LTC/BTC': 0.019, 'XMR/BTC': 0.025 };
          expect(ledger.equity(marks).toString()).toBe(
            ledger.startingCash
              .minus(ledger.fees)
              .plus(ledger.realisedPnl)
              .plus(ledger.unrealisedPnl(marks))
              .toString(),
          );
          expect(ledger.isBalanced()).toBe(true);
          // A ledger rebuilt from the booked fills is identical.
          const rebuilt = Ledger.fromFills(
            { startingCash: fmt(start, 8), quoteCurrency: 'BTC' },
            ledger.entries.map((e) =>
              toFill(fills[Number(e.clientOrderId.slice(1))] as IntFill, Number(e.clientOrderId.slice(1))),
            ),
          );
          expect(rebuilt.cash.toString()).toBe(ledger.cash.toString());
          expect(rebuilt.realisedPnl.toString()).toBe(ledger.realisedPnl.toString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: with fees in base, quote or a third currency and partial sells the books stay balanced exactly', () => {
    const fill = fc.record({
      symbol: fc.constantFrom(...SYMBOLS),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      amount: fc.double({ min: 1e-6, max: 3, noNaN: true }),
      price: fc.double({ min: 1e-6, max: 2, noNaN: true }),
      feeRate: fc.double({ min: 0, max: 0.01, noNaN: true }),
      feeIn: fc.constantFrom('base' as const, 'quote' as const, 'BNB' as const),
    });
    fc.assert(
      fc.property(fc.array(fill, { maxLength: 60 }), (fills) => {
        const ledger = new Ledger({ startingCash: 10, quoteCurrency: 'BTC' });
        let bnb = new Money(0);
        fills.forEach((f, i) => {
          const [baseCcy] = f.symbol.split('/') as [string];
          const fee = f.feeIn === 'base' ? f.amount * f.feeRate : f.amount * f.price * f.feeRate;
          try {
            ledger.apply({
              orderId: String(i),
              clientOrderId: `c${i}`,
              symbol: f.symbol,
              side: f.side,
              amount: f.amount,
              price: f.price,
              fee,
              feeCurrency: f.feeIn === 'base' ? baseCcy : f.feeIn === 'quote' ? 'BTC' : 'BNB',
              timestamp: i,
              reason: 'prop',
            });
            if (f.feeIn === 'BNB') bnb = bnb.plus(fee);
          } catch (e) {
            expect(isSextantError(e, 'INSUFFICIENT_FUNDS')).toBe(true);
          }
        });
        expect(ledger.isBalanced()).toBe(true);
        expect(ledger.cash.isNegative()).toBe(false);
        for (const p of ledger.positions()) expect(p.amount.isPositive() && !p.amount.isZero()).toBe(true);
        expect((ledger.foreignFees().BNB ?? new Money(0)).eq(bnb)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
