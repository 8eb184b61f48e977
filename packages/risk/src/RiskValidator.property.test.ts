import type { OrderIntent, PortfolioSnapshot, PositionSnapshot } from '@sextant/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskValidator } from './RiskValidator.js';

// A portfolio driven by random orders through the gate never breaks a limit:
// after every approved entry, the position is within its share of equity, total
// exposure within its cap, open positions within the maximum, cash never
// negative, and every amount fits the market's step and minimums; exits never
// sell more than is held; nothing enters while the gate is not ACTIVE or below
// the minimum capital.
const SYMBOLS = ['A/BTC', 'B/BTC', 'C/BTC', 'D/BTC', 'E/BTC'] as const;
const STEP = 0.001;
const MIN_AMOUNT = 0.01;
const MIN_COST = 5;
const FEE = 0.001;
const EPS = 1e-9;

type Action =
  | { kind: 'move'; symbol: number; change: number }
  | { kind: 'buy'; symbol: number; amount: number | undefined }
  | { kind: 'sell'; symbol: number; share: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    symbol: fc.nat(4),
    change: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('buy' as const),
    symbol: fc.nat(4),
    amount: fc.option(fc.double({ min: 0.001, max: 500, noNaN: true }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    symbol: fc.nat(4),
    share: fc.double({ min: 0.01, max: 1.5, noNaN: true }),
  }),
);

const config = fc.record({
  maxPositionPct: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
  maxExposurePct: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
  maxOpenPositions: fc.integer({ min: 1, max: 5 }),
  minCapital: fc.constantFrom(0, 100, 9_000),
  sizing: fc.constantFrom(
    { method: 'fixed-fraction' as const },
    { method: 'fixed-risk' as const, riskPct: 0.01 },
    { method: 'kelly' as const, winRate: 0.6, multiplier: 0.5 },
  ),
});

describe('RiskValidator property: random orders never break a limit', () => {
  it('holds every limit after every approved order', () => {
    fc.assert(
      fc.property(config, fc.array(action, { minLength: 1, maxLength: 80 }), (cfg, actions) => {
        const markets = Object.fromEntries(
          SYMBOLS.map((s) => [
            s,
            { precision: { amount: STEP }, limits: { amount: { min: MIN_AMOUNT }, cost: { min: MIN_COST } } },
          ]),
        );
        const risk = new RiskValidator({ ...cfg, markets, feeReserve: FEE, correlation: { max: 1 } });
        const prices = SYMBOLS.map(() => 100);
        const held = new Map<string, { amount: number; entry: number }>();
        let cash = 10_000;
        let t = Date.UTC(2018, 0, 10);
        const snapshot = (): PortfolioSnapshot => {
          const positions: Record<string, PositionSnapshot> = {};
          let value = 0;
          for (const [symbol, h] of held) {
            const mark = prices[SYMBOLS.indexOf(symbol as (typeof SYMBOLS)[number])]!;
            positions[symbol] = {
              symbol,
              amount: h.amount,
              entryPrice: h.entry,
              openedAt: t,
              markPrice: mark,
              highWatermark: mark,
            };
            value += h.amount * mark;
          }
          return { timestamp: t, cash, equity: cash + value, positions };
        };
        for (const a of actions) {
          t += 300_000;
          const symbol = SYMBOLS[a.symbol]!;
          const price = prices[a.symbol]!;
          if (a.kind === 'move') {
            prices[a.symbol] = price * (1 + a.change);
            continue;
          }
          const before = snapshot();
          const stateBefore = risk.state;
          const intent: OrderIntent =
            a.kind === 'buy'
              ? {
                  symbol,
                  side: 'buy',
                  type: 'market',
                  reduceOnly: false,
                  reason: 'entry',
                  ...(a.amount === undefined ? {} : { amount: a.amount }),
                }
              : {
                  symbol,
                  side: 'sell',
                  type: 'market',
                  reduceOnly: true,
                  reason: 'exit:signal',
                  amount: (held.get(symbol)?.amount ?? 1) * a.share,
                };
          const v = risk.validate(intent, before, { symbol, timestamp: t, price });
          expect(v.reasons.length).toBeGreaterThan(0);
          if (v.outcome === 'reject') {
            expect(v.intent).toBeNull();
            continue;
          }
          const amount = v.intent!.amount!;
          expect(amount).toBeGreaterThan(0);
          if (intent.amount !== undefined && !v.rules.includes('exit-dust')) {
            expect(amount).toBeLessThanOrEqual(intent.amount + EPS);
          }
          if (v.outcome === 'approve') expect(amount).toBe(intent.amount ?? amount);
          if (a.kind === 'sell') {
            const h = held.get(symbol)!;
            expect(amount).toBeLessThanOrEqual(h.amount + EPS);
            cash += amount * price * (1 - FEE);
            h.amount -= amount;
            if (h.amount <= EPS) held.delete(symbol);
            continue;
          }
          // entry approved
          expect(stateBefore === 'ACTIVE' && risk.state === 'ACTIVE').toBe(true);
          expect(before.equity).toBeGreaterThanOrEqual(cfg.minCapital);
          expect(Math.abs(amount / STEP - Math.round(amount / STEP))).toBeLessThan(1e-6);
          expect(amount).toBeGreaterThanOrEqual(MIN_AMOUNT);
          expect(amount * price).toBeGreaterThanOrEqual(MIN_COST);
          const h = held.get(symbol) ?? { amount: 0, entry: price };
          h.entry = (h.entry * h.amount + price * amount) / (h.amount + amount);
          h.amount += amount;
          held.set(symbol, h);
          cash -= amount * price * (1 + FEE);
          const after = snapshot();
          const exposure = Object.values(after.positions).reduce((s, p) => s + p.amount * p.markPrice, 0);
          expect(cash).toBeGreaterThanOrEqual(-EPS);
          expect(h.amount * price).toBeLessThanOrEqual(cfg.maxPositionPct * before.equity * (1 + EPS));
          expect(exposure).toBeLessThanOrEqual(cfg.maxExposurePct * before.equity * (1 + EPS));
          expect(held.size).toBeLessThanOrEqual(cfg.maxOpenPositions);
        }
      }),
      { numRuns: 300 },
    );
  });
});
