import type { PortfolioSnapshot, PositionSnapshot } from '@sextant/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candle } from './fixtures/portfolio.js';
import { RiskValidator } from './RiskValidator.js';

// A gate restored from a JSON snapshot continues exactly as the uninterrupted
// one: same exits (no take-profit sold twice), same breakers and states.
const T0 = Date.UTC(2018, 0, 10, 20);
const M5 = 300_000;
const CONFIG = {
  stopLossPct: 0.02,
  takeProfitPct: 0.01,
  timeStopHours: 2,
  dailyLossLimitPct: 0.05,
  maxDrawdownPct: 0.08,
  stopLossCooldown: { count: 2, lookbackMinutes: 600, cooldownMinutes: 60 },
  breakers: { drawdownCooldownMinutes: 120 },
};

type Step = { change: number; up: number; down: number };

function drive(steps: readonly Step[], cut: number | undefined): string[] {
  let gate = new RiskValidator(CONFIG);
  let price = 100;
  let cash = 0;
  let pos: PositionSnapshot | undefined;
  const out: string[] = [];
  steps.forEach((s, i) => {
    if (i === cut) {
      const saved = JSON.stringify(gate.snapshot());
      gate = new RiskValidator(CONFIG);
      gate.restore(JSON.parse(saved));
    }
    const t = T0 + i * M5;
    const open = price;
    price = price * (1 + s.change);
    const high = Math.max(open, price) * (1 + s.up);
    const low = Math.min(open, price) * (1 - s.down);
    if (pos === undefined) {
      // all in: re-enter with the whole account
      const amount = cash > 0 ? cash / open : 100;
      cash = 0;
      pos = { symbol: 'ETH/BTC', amount, entryPrice: open, openedAt: t, markPrice: open, highWatermark: open };
    }
    pos.markPrice = price;
    pos.highWatermark = Math.max(pos.highWatermark, high);
    const p: PortfolioSnapshot = {
      timestamp: t,
      cash,
      equity: cash + pos.amount * price,
      positions: { 'ETH/BTC': pos },
    };
    for (const x of gate.exitSignals(p, candle(t, open, high, low, price))) {
      out.push(`${i} ${x.kind}${x.level} ${x.amount.toFixed(9)} @${x.price.toFixed(9)}`);
      cash += x.amount * x.price;
      pos.amount -= x.amount;
    }
    if (pos.amount <= 1e-9) pos = undefined;
    out.push(`${i} ${gate.state}`);
  });
  out.push(JSON.stringify(gate.snapshot().breakers));
  return out;
}

describe('RiskValidator snapshot / restore', () => {
  it('a restored gate continues exactly like the uninterrupted one (random paths, random restart point)', () => {
    const step = fc.record({
      change: fc.double({ min: -0.012, max: 0.012, noNaN: true }),
      up: fc.double({ min: 0, max: 0.006, noNaN: true }),
      down: fc.double({ min: 0, max: 0.006, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 120 }), fc.nat(), (steps, k) => {
        const cut = 1 + (k % (steps.length - 1));
        expect(drive(steps, cut)).toEqual(drive(steps, undefined));
      }),
      { numRuns: 150 },
    );
  });

  it('the random paths reach take-profits, stops, time stops and breakers', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            change: fc.double({ min: -0.012, max: 0.012, noNaN: true }),
            up: fc.double({ min: 0, max: 0.006, noNaN: true }),
            down: fc.double({ min: 0, max: 0.006, noNaN: true }),
          }),
          { minLength: 60, maxLength: 120 },
        ),
        (steps) => {
          for (const line of drive(steps, undefined)) for (const w of line.split(' ')) seen.add(w.replace(/\d+$/, ''));
        },
      ),
      { numRuns: 50, seed: 42 },
    );
    for (const kind of ['take-profit', 'stop-loss', 'trailing-stop', 'time-stop', 'HALTED', 'REDUCING']) {
      expect(seen).toContain(kind);
    }
  });

  it('refuses a corrupt state with a typed error naming the path', () => {
    const gate = new RiskValidator();
    const s = gate.snapshot();
    expect(() => gate.restore({ ...s, version: 2 })).toThrow(/risk state.*version/s);
    expect(() => gate.restore({ ...s, breakers: { ...s.breakers, now: Number.NaN } })).toThrow(/breakers\.now/);
  });
});
