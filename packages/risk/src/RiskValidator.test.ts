import { ConfigError, InvalidArgumentError, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { buy, market, portfolio } from './fixtures/portfolio.js';
import { RiskValidator } from './RiskValidator.js';

describe('RiskValidator: sizing and caps', () => {
  it('sizes an entry at the fixed fraction (default: the 15% position cap) and approves', () => {
    const risk = new RiskValidator();
    const v = risk.validate(buy(), portfolio(10_000), market(100));
    expect(v.outcome).toBe('approve');
    expect(v.intent?.amount).toBeCloseTo(15, 12); // 10,000 * 15% / 100
    expect(v.reasons.join(' ')).toContain('fixed fraction 15.00%');
  });

  it('resizes a requested amount to the 15% position cap, counting what is already held', () => {
    const risk = new RiskValidator();
    // equity 10,000: 9,500 cash + 5 * 100 held; cap 1,500 => 1,000 more = 10 units
    const v = risk.validate(buy('ETH/BTC', { amount: 12 }), portfolio(9_500, [{ amount: 5 }]), market(100));
    expect(v.outcome).toBe('resize');
    expect(v.rules).toEqual(['max-position']);
    expect(v.intent?.amount).toBeCloseTo(10, 12);
  });

  it('approves exactly at the position cap and resizes just above it', () => {
    const risk = new RiskValidator();
    expect(risk.validate(buy('ETH/BTC', { amount: 15 }), portfolio(10_000), market(100)).outcome).toBe('approve');
    const v = risk.validate(buy('ETH/BTC', { amount: 15.0001 }), portfolio(10_000), market(100));
    expect(v.outcome).toBe('resize');
    expect(v.intent?.amount).toBeCloseTo(15, 12);
  });

  it('caps total exposure at 85% and rejects when no room is left', () => {
    const risk = new RiskValidator({ maxOpenPositions: 10 });
    const held = [0, 1, 2, 3, 4].map((i) => ({ symbol: `C${i}/BTC`, amount: 15, entryPrice: 100 }));
    // equity 10,000 with 7,500 held: room = 8,500 - 7,500 = 1,000 < 1,500
    const v = risk.validate(buy(), portfolio(2_500, held), market(100));
    expect(v.outcome).toBe('resize');
    expect(v.rules).toEqual(['max-exposure']);
    expect(v.intent?.amount).toBeCloseTo(10, 9);
    const full = [...held, { symbol: 'C5/BTC', amount: 10, entryPrice: 100 }];
    const r = risk.validate(buy(), portfolio(1_500, full), market(100));
    expect(r.outcome).toBe('reject');
    expect(r.intent).toBeNull();
    expect(r.rules).toEqual(['max-exposure']);
  });

  it('rejects bad numbers with typed errors quoting the value', () => {
    const risk = new RiskValidator();
    expect(() => risk.validate(buy(), portfolio(10_000), market(Number.NaN))).toThrow(InvalidArgumentError);
    try {
      risk.validate(buy('ETH/BTC', { amount: -1 }), portfolio(10_000), market(100));
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
      expect((e as Error).message).toContain('"-1"');
    }
    expect(() => new RiskValidator({ maxPositionPct: 1.5 })).toThrow(ConfigError);
    expect(() => new RiskValidator({ maxPositionPct: 0.9, maxExposurePct: 0.5 })).toThrow(/maxPositionPct/);
  });
});

describe('RiskValidator: stop-loss exit', () => {
  it('sells the whole position when the low touches the fixed 3.5% stop', async () => {
    const { candle } = await import('./fixtures/portfolio.js');
    const risk = new RiskValidator({ stopLossPct: 0.035 });
    const t0 = Date.UTC(2018, 0, 10);
    const p = portfolio(8_500, [{ amount: 15, entryPrice: 100, openedAt: t0 }], t0);
    expect(risk.exits(p, candle(t0, 100, 101, 96.6, 97))).toEqual([]);
    expect(risk.exits(p, candle(t0 + 300_000, 97, 98, 96.5, 97))).toEqual([
      { symbol: 'ETH/BTC', side: 'sell', type: 'market', amount: 15, reduceOnly: true, reason: 'exit:stop-loss' },
    ]);
  });
});
