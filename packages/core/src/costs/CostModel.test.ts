import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/ConfigError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { CostModel } from './CostModel.js';

describe('CostModel', () => {
  it('market orders pay taker fee, half-spread and base slippage; limit orders the maker fee only', () => {
    const costs = new CostModel({ makerFee: 0.0008, takerFee: 0.001, spreadBps: 2, slippageBps: 1 });
    const m = costs.estimate();
    expect(m.fee).toBe(0.001);
    expect(m.spread).toBeCloseTo(0.0002, 15);
    expect(m.slippage).toBeCloseTo(0.0001, 15);
    expect(m.total).toBeCloseTo(0.0013, 15);
    expect(costs.estimate({ type: 'limit', volatility: 0.5, notional: 1e9, quoteVolume: 1 })).toEqual({
      fee: 0.0008,
      spread: 0,
      slippage: 0,
      total: 0.0008,
    });
    expect(costs.roundTrip()).toBeCloseTo(0.0026, 15);
  });

  it('slippage grows linearly with volatility above the reference and with sqrt(size / volume)', () => {
    const costs = new CostModel({ slippageBps: 1, impactBps: 10, referenceVolatility: 0.005 });
    // volatility at 2x the reference doubles the base: 2 bps; 1% of the candle's volume adds 10 * sqrt(0.01) = 1 bp
    expect(costs.estimate({ volatility: 0.01, notional: 10_000, quoteVolume: 1_000_000 }).slippage).toBeCloseTo(
      0.0003,
      15,
    );
    // below the reference volatility the base slippage applies
    expect(costs.estimate({ volatility: 0.001 }).slippage).toBeCloseTo(0.0001, 15);
  });

  it('slippage never falls as volatility or order size rises', () => {
    const costs = new CostModel();
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (v1, v2, n1, n2) => {
          const [vl, vh] = v1 <= v2 ? [v1, v2] : [v2, v1];
          const [nl, nh] = n1 <= n2 ? [n1, n2] : [n2, n1];
          const lo = costs.estimate({ volatility: vl, notional: nl, quoteVolume: 5e5 }).slippage;
          const hi = costs.estimate({ volatility: vh, notional: nh, quoteVolume: 5e5 }).slippage;
          expect(hi).toBeGreaterThanOrEqual(lo);
        },
      ),
    );
  });

  it('fill prices are worse than the reference on both sides; fees are charged on notional', () => {
    const costs = new CostModel({ spreadBps: 2, slippageBps: 1 });
    expect(costs.fillPrice('buy', 100)).toBeCloseTo(100.03, 12);
    expect(costs.fillPrice('sell', 100)).toBeCloseTo(99.97, 12);
    expect(costs.fee(1_500)).toBeCloseTo(1.5, 12);
    expect(costs.fee(1_500, 'limit')).toBeCloseTo(1.5, 12);
  });

  it('bad input: typed errors quoting the value', () => {
    const costs = new CostModel();
    expect(() => costs.fillPrice('buy', 0)).toThrow(InvalidArgumentError);
    expect(() => costs.fillPrice('buy', Number.NaN)).toThrow(/got "NaN"/);
    expect(() => costs.estimate({ volatility: -0.1 })).toThrow(/volatility must be a finite number >= 0, got "-0.1"/);
    expect(() => costs.fee(Number.POSITIVE_INFINITY)).toThrow(/got "Infinity"/);
    expect(() => new CostModel({ takerFee: 2 })).toThrow(ConfigError);
  });
});
