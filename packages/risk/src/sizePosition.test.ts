import { InvalidArgumentError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { sizePosition } from './sizePosition.js';

const base = { equity: 10_000, price: 100, maxPositionPct: 0.15, payoffRatio: 2 };

describe('sizePosition', () => {
  it('fixed fraction: the configured share, or the position cap by default', () => {
    expect(sizePosition({ method: 'fixed-fraction', fraction: 0.1 }, base)).toMatchObject({
      fraction: 0.1,
      amount: 10,
    });
    expect(sizePosition({ method: 'fixed-fraction' }, base)).toMatchObject({ fraction: 0.15, amount: 15 });
  });

  it('fixed risk: a stop-out loses exactly riskPct of equity', () => {
    const r = sizePosition({ method: 'fixed-risk', riskPct: 0.01 }, { ...base, stopPrice: 96 });
    // loss at the stop = amount * (100 - 96) = 1% of 10,000 = 100 => amount 25
    expect(r.amount).toBeCloseTo(25, 12);
    expect(r.amount * (100 - 96)).toBeCloseTo(100, 9);
    expect(() => sizePosition({ method: 'fixed-risk', riskPct: 0.01 }, { ...base, stopPrice: 100 })).toThrow(
      /stop price below entry 100, got "100"/,
    );
    expect(() => sizePosition({ method: 'fixed-risk', riskPct: 0.01 }, base)).toThrow(InvalidArgumentError);
  });

  it('volatility-scaled: target volatility over market volatility', () => {
    const r = sizePosition({ method: 'volatility', targetVolatility: 0.001 }, { ...base, volatility: 0.01 });
    expect(r.fraction).toBeCloseTo(0.1, 12);
    expect(() => sizePosition({ method: 'volatility', targetVolatility: 0.001 }, { ...base, volatility: 0 })).toThrow(
      /positive volatility, got "0"/,
    );
  });

  it('capped Kelly: multiplier x (p - (1 - p) / b), capped, 0 without an edge (Kelly 1956)', () => {
    // p = 0.6, b = 2: f* = 0.6 - 0.4 / 2 = 0.4; half Kelly 0.2; capped at 0.15
    expect(sizePosition({ method: 'kelly', winRate: 0.6, multiplier: 0.5 }, base).fraction).toBeCloseTo(0.15, 12);
    expect(sizePosition({ method: 'kelly', winRate: 0.6, multiplier: 0.25, cap: 0.5 }, base).fraction).toBeCloseTo(
      0.1,
      12,
    );
    // from the decision's confidence when no win rate is configured; p = 1/3, b = 2 is exactly break-even
    expect(sizePosition({ method: 'kelly', multiplier: 0.5 }, { ...base, winProbability: 1 / 3 }).fraction).toBe(0);
    expect(() => sizePosition({ method: 'kelly', multiplier: 0.5 }, base)).toThrow(
      /win probability in \(0, 1\), got "undefined"/,
    );
  });

  it('refuses non-positive equity or price', () => {
    expect(() => sizePosition({ method: 'fixed-fraction' }, { ...base, equity: 0 })).toThrow(/equity .* got "0"/);
    expect(() => sizePosition({ method: 'fixed-fraction' }, { ...base, price: Number.POSITIVE_INFINITY })).toThrow(
      /price .* got "Infinity"/,
    );
  });
});
