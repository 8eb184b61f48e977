import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMarketLimits } from './applyMarketLimits.js';
import { roundToStep } from './roundToStep.js';

// Shaped like ccxt's binance ETH/BTC market (TICK_SIZE precision mode).
const ETH_BTC = {
  symbol: 'ETH/BTC',
  precision: { amount: 0.0001, price: 0.000001 },
  limits: { amount: { min: 0.001, max: 100_000 }, cost: { min: 0.0001 }, price: { min: 0.000001 } },
};

describe('roundToStep', () => {
  it('rounds exact multiples to themselves despite binary floating point', () => {
    expect(roundToStep(0.3, 0.1)).toBe(0.3);
    expect(roundToStep(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundToStep(1.23456, 0.001)).toBe(1.234);
    expect(roundToStep(1.2341, 0.001, 'ceil')).toBe(1.235);
    expect(roundToStep(1234.5, 10, 'round')).toBe(1230);
    // never above the value, even a few ulps under a multiple (found by the RiskGate contract test)
    expect(roundToStep(999.9999999999965, 0.01)).toBe(999.99);
  });

  it('floors to a multiple of the step, within one step, for random values', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom(1, 0.1, 0.01, 0.001, 0.0001, 0.00001, 5, 0.5, 0.25),
        (v, step) => {
          const r = roundToStep(v, step);
          expect(r).toBeLessThanOrEqual(v);
          expect(v - r).toBeLessThan(step * (1 + 1e-9));
          expect(Math.abs(r / step - Math.round(r / step))).toBeLessThan(1e-12 * Math.max(1, r / step));
        },
      ),
    );
  });

  it('refuses a non-positive step or a non-finite value', () => {
    expect(() => roundToStep(1, 0)).toThrow(/step must be > 0, got "0"/);
    expect(() => roundToStep(Number.NaN, 0.1)).toThrow(/value must be finite, got "NaN"/);
  });
});

describe('applyMarketLimits', () => {
  it('rounds the amount down to the step and a limit price to the tick (against the trader)', () => {
    const r = applyMarketLimits('ETH/BTC', 1.23456, 0.0912345, 'buy', ETH_BTC);
    expect(r.amount).toBe(1.2345);
    expect(r.price).toBe(0.091234);
    expect(applyMarketLimits('ETH/BTC', 1, 0.0912345, 'sell', ETH_BTC).price).toBe(0.091235);
  });

  it('supports DECIMAL_PLACES precision mode', () => {
    const m = { precision: { amount: 3, price: 2 } };
    expect(applyMarketLimits('X/Y', 1.23456, 10.129, 'buy', m, { precisionMode: 'decimals' })).toMatchObject({
      amount: 1.234,
      price: 10.12,
    });
  });

  it('min amount: at the minimum passes, one step below is rejected with both values quoted', () => {
    expect(applyMarketLimits('ETH/BTC', 0.001, 1, 'buy', ETH_BTC).reject).toBeUndefined();
    expect(applyMarketLimits('ETH/BTC', 0.0009, 1, 'buy', ETH_BTC).reject).toBe(
      'Order amount "0.0009" is below the market minimum "0.001" for ETH/BTC',
    );
  });

  it('min cost: at the minimum passes, below is rejected', () => {
    expect(applyMarketLimits('ETH/BTC', 0.001, 0.1, 'buy', ETH_BTC).reject).toBeUndefined(); // cost 0.0001
    expect(applyMarketLimits('ETH/BTC', 0.001, 0.0999, 'buy', ETH_BTC).reject).toMatch(
      /below the market minimum cost "0.0001"/,
    );
  });

  it('keeps room to exit: the entry must still clear min cost after the stop distance', () => {
    // cost 0.0001 exactly clears the minimum, but not after a 3.5% fall
    const r = applyMarketLimits('ETH/BTC', 0.001, 0.1, 'buy', ETH_BTC, { exitRoom: 0.035 });
    expect(r.reject).toMatch(/after a 3.50% fall, kept as room to exit/);
    expect(applyMarketLimits('ETH/BTC', 0.0011, 0.1, 'buy', ETH_BTC, { exitRoom: 0.035 }).reject).toBeUndefined();
  });

  it('caps at the max amount', () => {
    expect(applyMarketLimits('ETH/BTC', 200_000, 0.1, 'buy', ETH_BTC).amount).toBe(100_000);
  });

  it('passes through unchanged without market data', () => {
    expect(applyMarketLimits('ETH/BTC', 1.23456, 0.1, 'buy', undefined)).toEqual({ amount: 1.23456, notes: [] });
  });
});
