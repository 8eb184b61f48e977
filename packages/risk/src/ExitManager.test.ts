import type { PortfolioSnapshot } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { candle, portfolio } from './fixtures/portfolio.js';
import { RiskValidator } from './RiskValidator.js';

// Scripted price paths through the whole exit ladder. Position: 10 units
// entered at 100. Defaults: stop 3.5% (96.5), TP1 at +7% (107) sells 50% of
// the initial amount, TP2 at +14% (114) sells 30%, the rest trails 2% below
// the highest high once TP1 is hit, time stop 24 h.
const T0 = Date.UTC(2018, 0, 10);
const M5 = 300_000;

function run(
  risk: RiskValidator,
  path: [number, number, number, number][],
  start = T0,
): { kind: string; level: number; price: number; amount: number; at: number }[] {
  let amount = 10;
  const out: { kind: string; level: number; price: number; amount: number; at: number }[] = [];
  path.forEach(([o, h, l, c], i) => {
    if (amount <= 1e-12) return;
    const p: PortfolioSnapshot = portfolio(
      1_000,
      [{ amount, entryPrice: 100, openedAt: T0, markPrice: c }],
      start + i * M5,
    );
    for (const s of risk.exitSignals(p, candle(start + i * M5, o, h, l, c))) {
      out.push({ kind: s.kind, level: s.level, price: s.price, amount: s.amount, at: i });
      amount -= s.amount; // the broker fills it before the next candle
    }
  });
  return out;
}

describe('exits on scripted price paths', () => {
  it('stop-loss: the whole position at the 3.5% stop, on the candle whose low touches it', () => {
    const risk = new RiskValidator();
    expect(
      run(risk, [
        [100, 101, 96.51, 97],
        [97, 98, 96.5, 97.5],
        [97.5, 99, 90, 91],
      ]),
    ).toEqual([{ kind: 'stop-loss', level: 0, price: 96.5, amount: 10, at: 1 }]);
  });

  it('TP1 50%, TP2 30%, then the trailing stop takes the rest', () => {
    const exits = run(new RiskValidator(), [
      [100, 107.5, 99, 107], // TP1 at 107; trailing stop now 107.5 * 0.98 = 105.35
      [107, 110, 105.4, 109], // above 105.35: nothing; stop -> 107.8
      [109, 114.2, 108, 113], // TP2 at 114; stop -> 114.2 * 0.98 = 111.916
      [113, 113.5, 111.9, 112], // trailing stop at 111.916
    ]);
    expect(exits.map(({ kind, level, at }) => ({ kind, level, at }))).toEqual([
      { kind: 'take-profit', level: 1, at: 0 },
      { kind: 'take-profit', level: 2, at: 2 },
      { kind: 'trailing-stop', level: 0, at: 3 },
    ]);
    expect(exits.map((e) => e.amount)).toEqual([5, 3, 2]);
    expect(exits[0]!.price).toBeCloseTo(107, 12);
    expect(exits[1]!.price).toBeCloseTo(114, 12);
    expect(exits[2]!.price).toBeCloseTo(111.916, 12);
  });

  it('the trailing stop does not start before TP1', () => {
    // Rallies to +6.9% then falls back to 97: no TP1, so no trailing; the fixed stop is still 96.5.
    const exits = run(new RiskValidator(), [
      [100, 106.9, 100, 106],
      [106, 106, 97, 97],
      [97, 97, 96.4, 96.6],
    ]);
    expect(exits).toEqual([{ kind: 'stop-loss', level: 0, price: 96.5, amount: 10, at: 2 }]);
  });

  it('time stop: closes at the close of the candle that completes 24 h', () => {
    const flat: [number, number, number, number][] = Array.from({ length: 300 }, () => [100, 101, 99, 100.5]);
    const exits = run(new RiskValidator(), flat);
    // candle i closes at T0 + (i + 1) * 5 min; 24 h = 288 candles => i = 287
    expect(exits).toEqual([{ kind: 'time-stop', level: 0, price: 100.5, amount: 10, at: 287 }]);
    expect(run(new RiskValidator({ timeStopHours: 0 }), flat)).toEqual([]);
  });

  it('stop and target inside one candle: the stop is assumed first', () => {
    const exits = run(new RiskValidator(), [[100, 108, 96, 104]]);
    expect(exits).toEqual([{ kind: 'stop-loss', level: 0, price: 96.5, amount: 10, at: 0 }]);
  });

  it('stop and target inside one candle: a finer timeframe showing the target first wins', () => {
    const risk = new RiskValidator();
    const p = portfolio(1_000, [{ amount: 10, entryPrice: 100, openedAt: T0 }], T0);
    const M1 = 60_000;
    const finer = [
      { timestamp: T0, open: 100, high: 108, low: 100, close: 107, volume: 1 },
      { timestamp: T0 + M1, open: 107, high: 107, low: 96, close: 97, volume: 1 },
      { timestamp: T0 + 2 * M1, open: 97, high: 104, low: 97, close: 104, volume: 1 },
    ];
    const signals = risk.exitSignals(p, candle(T0, 100, 108, 96, 104), { finer });
    expect(signals.map((s) => [s.kind, s.level, s.amount])).toEqual([
      ['take-profit', 1, 5],
      ['trailing-stop', 0, 5],
    ]);
    expect(signals[1]!.price).toBeCloseTo(108 * 0.98, 12);
  });

  it('gaps: a candle opening through the stop exits at the open; through a target, takes profit at the open', () => {
    expect(run(new RiskValidator(), [[95, 96, 94, 95]])).toEqual([
      { kind: 'stop-loss', level: 0, price: 95, amount: 10, at: 0 },
    ]);
    const up = run(new RiskValidator(), [[108, 109, 107.5, 108]]);
    expect(up).toEqual([{ kind: 'take-profit', level: 1, price: 108, amount: 5, at: 0 }]);
  });

  it('ATR stop: entry - 2 x Wilder ATR(14) once 15 candles are known', () => {
    const risk = new RiskValidator({ stop: { method: 'atr', atrPeriod: 14, atrMultiplier: 2 } });
    const empty = portfolio(10_000, [], T0);
    // 15 candles (14 true ranges, TA-Lib convention) with a constant true range of 1.5 => ATR = 1.5
    for (let i = 0; i < 15; i++) risk.exits(empty, candle(T0 - (15 - i) * M5, 100, 100.75, 99.25, 100));
    expect(risk.initialStop('ETH/BTC', 100)).toEqual({ price: 97, how: '2 x ATR 1.500' });
    const exits = run(risk, [
      [100, 101, 97.01, 98],
      [98, 98, 96.99, 97],
    ]);
    expect(exits).toEqual([{ kind: 'stop-loss', level: 0, price: 97, amount: 10, at: 1 }]);
  });

  it('a custom stop hook tightens the stop from the next candle and can never loosen it', () => {
    const risk = new RiskValidator({}, { customStop: ({ candle: c }) => (c.close > 102 ? 101 : 50) });
    const exits = run(risk, [
      [100, 103, 100, 102.5], // hook -> 101 from the next candle
      [102.5, 103, 101.2, 102],
      [102, 102, 100.9, 101],
    ]);
    expect(exits).toEqual([{ kind: 'stop-loss', level: 0, price: 101, amount: 10, at: 2 }]);
  });

  it('a bad custom stop is a typed error quoting the value', () => {
    const risk = new RiskValidator({}, { customStop: () => Number.NaN });
    const p = portfolio(1_000, [{ amount: 10, entryPrice: 100, openedAt: T0 }], T0);
    expect(() => risk.exitSignals(p, candle(T0, 100, 101, 99, 100))).toThrow(/customStop for ETH\/BTC returned "NaN"/);
  });

  it('exit intents are market sells, reduce-only, with the reason naming the level', () => {
    const risk = new RiskValidator();
    const p = portfolio(1_000, [{ amount: 10, entryPrice: 100, openedAt: T0 }], T0);
    expect(risk.exits(p, candle(T0, 100, 107.5, 99, 107))).toEqual([
      { symbol: 'ETH/BTC', side: 'sell', type: 'market', amount: 5, reduceOnly: true, reason: 'exit:take-profit-1' },
    ]);
  });
});

describe('exits after a restart', () => {
  it('a position picked up mid-ladder resumes from its high watermark: TP1 is not sold twice', () => {
    // Uninterrupted run: TP1 (5 of 10) at 107 on candle 0, high 108 => trailing stop 105.84.
    // Restarted gate: sees 5 left, watermark 108 from before this candle.
    const risk = new RiskValidator();
    const t = T0 + 3 * M5;
    const p = portfolio(1_000, [{ amount: 5, entryPrice: 100, openedAt: T0, highWatermark: 108 }], t);
    expect(risk.exitSignals(p, candle(t, 107, 107.5, 106, 107))).toEqual([]);
    const next = portfolio(1_000, [{ amount: 5, entryPrice: 100, openedAt: T0, highWatermark: 108 }], t + M5);
    const s = risk.exitSignals(next, candle(t + M5, 107, 107, 105.8, 106));
    expect(s.map((x) => [x.kind, x.amount])).toEqual([['trailing-stop', 5]]);
    expect(s[0]!.price).toBeCloseTo(108 * 0.98, 12);
  });

  it('TP2 after a restart sells 30% of the inferred initial amount', () => {
    const risk = new RiskValidator();
    const t = T0 + 3 * M5;
    // the broker has already raised the watermark to this candle's high: the open (108) stands in for the prior high
    const p = portfolio(1_000, [{ amount: 5, entryPrice: 100, openedAt: T0, highWatermark: 114.5 }], t);
    const s = risk.exitSignals(p, candle(t, 108, 114.5, 107, 114));
    expect(s.map((x) => [x.kind, x.level, x.amount])).toEqual([['take-profit', 2, 3]]);
  });
});

describe('exits when the position changes under the ladder', () => {
  it('an entry filled over two candles is managed whole: the stop sells everything', () => {
    const risk = new RiskValidator();
    const p1 = portfolio(1_000, [{ amount: 4, entryPrice: 100, openedAt: T0 }], T0);
    expect(risk.exitSignals(p1, candle(T0, 100, 101, 99, 100))).toEqual([]);
    // the rest of the order fills on the next candle: 10 at an average of 100.6
    const p2 = portfolio(1_000, [{ amount: 10, entryPrice: 100.6, openedAt: T0 }], T0 + M5);
    expect(risk.exitSignals(p2, candle(T0 + M5, 101, 101, 100, 100.5))).toEqual([]);
    const p3 = portfolio(1_000, [{ amount: 10, entryPrice: 100.6, openedAt: T0 }], T0 + 2 * M5);
    const s = risk.exitSignals(p3, candle(T0 + 2 * M5, 100, 100, 96, 96.2));
    expect(s.map((x) => [x.kind, x.amount])).toEqual([['stop-loss', 10]]);
  });

  it('an exit not yet filled is not mistaken for growth (no double sell)', () => {
    const risk = new RiskValidator();
    const p = portfolio(1_000, [{ amount: 10, entryPrice: 100, openedAt: T0 }], T0);
    expect(risk.exitSignals(p, candle(T0, 100, 107.5, 100, 107)).map((x) => x.amount)).toEqual([5]);
    // TP1's sell is still pending next candle: the broker still shows 10
    const later = portfolio(1_000, [{ amount: 10, entryPrice: 100, openedAt: T0 }], T0 + M5);
    const s = risk.exitSignals(later, candle(T0 + M5, 107, 107, 105, 105.2));
    expect(s.map((x) => [x.kind, x.amount])).toEqual([['trailing-stop', 5]]);
  });
});
