import { describe, expect, it } from 'vitest';
import { computeMetrics } from './computeMetrics.js';
import type { Trade } from './Trade.type.js';

const DAY = 86_400_000;
const trade = (pnl: number, fees = 0): Trade => ({
  symbol: 'ETH/BTC',
  entryTime: 0,
  exitTime: 1,
  entryPrice: 1,
  exitPrice: 1,
  amount: 1,
  pnl,
  returnPct: pnl,
  fees,
  exitReason: 'x',
});

describe('computeMetrics', () => {
  it('matches the textbook definitions computed independently (two-pass, by hand)', () => {
    // Daily equity; per-period simple returns against the previous value (the first against the start).
    const equity = [100, 110, 99, 120, 114];
    const timestamps = equity.map((_, i) => i * DAY);
    const m = computeMetrics({
      equity,
      timestamps,
      startEquity: 100,
      trades: [trade(12), trade(-4), trade(8), trade(-2)],
      inMarket: [1, 1, 0, 1, 0],
      buyAndHold: 0.05,
      fees: 1.5,
    });
    const r = [0, 0.1, 99 / 110 - 1, 120 / 99 - 1, 114 / 120 - 1];
    const mean = r.reduce((a, b) => a + b) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length); // population sd
    const dsd = Math.sqrt(r.reduce((a, b) => a + Math.min(0, b) ** 2, 0) / r.length); // downside deviation, target 0
    const perYear = (365.25 * DAY) / DAY;
    const years = (4 * DAY) / (365.25 * DAY);
    const cagr = 1.14 ** (1 / years) - 1;
    expect(m.totalReturn).toBeCloseTo(0.14, 12);
    expect(m.maxDrawdown).toBeCloseTo(1 - 99 / 110, 12); // 110 -> 99
    expect(m.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(perYear), 9); // Sharpe (1994), risk-free 0
    expect(m.sortino).toBeCloseTo((mean / dsd) * Math.sqrt(perYear), 9); // Sortino & Price (1994)
    expect(m.cagr).toBeCloseTo(cagr, 6);
    expect(m.calmar).toBeCloseTo(cagr / (1 - 99 / 110), 6); // Young (1991): CAGR / max drawdown
    expect(m.winRate).toBe(0.5);
    expect(m.profitFactor).toBeCloseTo(20 / 6, 12);
    expect(m.exposure).toBe(0.6);
    expect(m.fees).toBe(1.5);
    expect(m.trades).toBe(4);
    expect(m.buyAndHold).toBe(0.05);
  });

  it('handles no trades and a flat curve without NaN', () => {
    const m = computeMetrics({ equity: [1, 1, 1], timestamps: [0, DAY, 2 * DAY], startEquity: 1, trades: [] });
    for (const v of Object.values(m)) expect(Number.isNaN(v)).toBe(false);
    expect(m).toMatchObject({ totalReturn: 0, sharpe: 0, maxDrawdown: 0, winRate: 0, profitFactor: 0, trades: 0 });
  });
});
