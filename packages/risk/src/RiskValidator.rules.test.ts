import { describe, expect, it } from 'vitest';
import { buy, candle, market, portfolio } from './fixtures/portfolio.js';
import { RiskValidator } from './RiskValidator.js';

const T0 = Date.UTC(2018, 0, 10, 12);
const M5 = 300_000;
const HOUR = 3_600_000;

describe('risk rules at their boundaries', () => {
  it('max open positions: entries allowed below the maximum, rejected at it; adding to a held market is allowed', () => {
    const risk = new RiskValidator({ maxOpenPositions: 2, maxExposurePct: 1, maxPositionPct: 0.1 });
    const one = portfolio(9_000, [{ symbol: 'A/BTC', amount: 10 }]);
    expect(risk.validate(buy('B/BTC'), one, market(100, 'B/BTC')).outcome).toBe('approve');
    const two = portfolio(9_000, [
      { symbol: 'A/BTC', amount: 5 },
      { symbol: 'B/BTC', amount: 5 },
    ]);
    const v = risk.validate(buy('C/BTC'), two, market(100, 'C/BTC'));
    expect(v).toMatchObject({ outcome: 'reject', rules: ['max-open-positions'] });
    expect(v.reasons.at(-1)).toBe('2 positions open, the maximum is 2');
    expect(risk.validate(buy('A/BTC'), two, market(100, 'A/BTC'))).toMatchObject({
      outcome: 'resize',
      rules: ['max-position'],
    });
  });

  it('minimum capital: equity at the minimum trades, one unit below does not', () => {
    const risk = new RiskValidator({ minCapital: 1_000 });
    expect(risk.validate(buy(), portfolio(1_000), market(100)).outcome).toBe('approve');
    const v = risk.validate(buy(), portfolio(999.99), market(100));
    expect(v).toMatchObject({ outcome: 'reject', rules: ['min-capital'] });
    expect(v.reasons.at(-1)).toBe('equity 999.99 is below the minimum capital 1000');
  });

  it('max exposure: an entry landing exactly on 85% approves, a hair more is resized', () => {
    const risk = new RiskValidator({ maxOpenPositions: 10 });
    const held = [0, 1, 2, 3, 4].map((i) => ({ symbol: `C${i}/BTC`, amount: 15, entryPrice: 100 }));
    // equity 10,000, 7,500 held: exactly 10 more units reach 8,500 = 85%
    expect(risk.validate(buy('ETH/BTC', { amount: 10 }), portfolio(2_500, held), market(100)).outcome).toBe('approve');
    const over = risk.validate(buy('ETH/BTC', { amount: 10.0001 }), portfolio(2_500, held), market(100));
    expect(over).toMatchObject({ outcome: 'resize', rules: ['max-exposure'] });
  });

  it('free cash with a fee reserve caps the entry', () => {
    const risk = new RiskValidator({ maxExposurePct: 1, maxPositionPct: 1, feeReserve: 0.001 });
    // equity 10,000 but only 1,001 cash: at most 1,001 / 1.001 = 1,000 of notional
    const p = portfolio(1_001, [{ symbol: 'A/BTC', amount: 89.99, entryPrice: 100 }]);
    const v = risk.validate(buy('ETH/BTC', { amount: 10.005 }), p, market(100));
    expect(v.rules).toEqual(['cash']);
    expect(v.intent?.amount).toBeCloseTo(10, 9);
    // exactly affordable with the fee reserve: approved as asked
    expect(risk.validate(buy('ETH/BTC', { amount: 10 }), p, market(100)).outcome).toBe('approve');
  });

  it('exchange limits on entries: amount rounded to the step; too small rejected with values quoted', () => {
    const markets = {
      'ETH/BTC': { precision: { amount: 0.01, price: 0.01 }, limits: { amount: { min: 0.1 }, cost: { min: 10 } } },
    };
    const risk = new RiskValidator({ markets, maxPositionPct: 0.15 });
    const v = risk.validate(buy(), portfolio(10_000), market(70));
    // 1,500 / 70 = 21.428571... -> 21.42
    expect(v).toMatchObject({ outcome: 'resize', rules: ['exchange-precision'] });
    expect(v.intent?.amount).toBe(21.42);
    const tiny = risk.validate(buy('ETH/BTC', { amount: 0.09 }), portfolio(10_000), market(100));
    expect(tiny).toMatchObject({ outcome: 'reject', rules: ['exchange-limits'] });
    expect(tiny.reasons.at(-1)).toBe('Order amount "0.09" is below the market minimum "0.1" for ETH/BTC');
    // 0.1 at 100 = cost 10 = the minimum, but after the 3.5% stop it is 9.65: no room to exit
    const noRoom = risk.validate(buy('ETH/BTC', { amount: 0.1 }), portfolio(10_000), market(100));
    expect(noRoom.reasons.at(-1)).toMatch(/room to exit/);
    expect(risk.validate(buy('ETH/BTC', { amount: 0.11 }), portfolio(10_000), market(100)).outcome).toBe('approve');
  });

  it('limit entries get their price rounded down to the tick', () => {
    const risk = new RiskValidator({ markets: { 'ETH/BTC': { precision: { price: 0.05 } } } });
    const v = risk.validate(buy('ETH/BTC', { type: 'limit', price: 99.97, amount: 1 }), portfolio(10_000), market(100));
    expect(v.intent?.price).toBe(99.95);
  });

  it('exits: capped at the position, never leaving unsellable dust, rejected with no position', () => {
    const markets = { 'ETH/BTC': { precision: { amount: 0.01 }, limits: { amount: { min: 0.1 }, cost: { min: 10 } } } };
    const risk = new RiskValidator({ markets });
    const p = portfolio(0, [{ amount: 1, entryPrice: 100 }]);
    const sell = { symbol: 'ETH/BTC', side: 'sell', type: 'market', reduceOnly: true, reason: 'exit:signal' } as const;
    expect(risk.validate({ ...sell, amount: 2 }, p, market(100))).toMatchObject({
      outcome: 'resize',
      rules: ['position'],
    });
    expect(risk.validate({ ...sell, amount: 2 }, p, market(100)).intent?.amount).toBe(1);
    // selling 0.95 would leave 0.05 < min amount 0.1: sell it all
    const dust = risk.validate({ ...sell, amount: 0.95 }, p, market(100));
    expect(dust.intent?.amount).toBe(1);
    expect(dust.reasons.join(' ')).toMatch(/unsellable dust/);
    expect(risk.validate({ ...sell, amount: 0.5 }, p, market(100)).intent?.amount).toBe(0.5);
    expect(risk.validate(sell, portfolio(100), market(100))).toMatchObject({
      outcome: 'reject',
      rules: ['no-position'],
    });
  });

  it('correlation limit: a candidate above the limit is resized (or rejected), at or below passes', () => {
    const feed = (risk: RiskValidator, k: number): void => {
      const empty = portfolio(10_000, [], T0);
      for (let i = 0; i < 40; i++) {
        const a = 100 * (1 + 0.01 * Math.sin(i));
        const b = 100 * (1 + 0.01 * (k * Math.sin(i) + (1 - k) * Math.cos(3 * i)));
        risk.exits(empty, candle(T0 + i * M5, a, a, a, a, 'A/BTC'));
        risk.exits(empty, candle(T0 + i * M5, b, b, b, b, 'B/BTC'));
      }
    };
    const held = portfolio(8_500, [{ symbol: 'A/BTC', amount: 15 }], T0 + 40 * M5);
    const resize = new RiskValidator({ correlation: { max: 0.8, action: 'resize', resizeFactor: 0.5 } });
    feed(resize, 1);
    const v = resize.validate(buy('B/BTC'), held, market(100, 'B/BTC'));
    expect(v.rules).toEqual(['correlation']);
    expect(v.intent?.amount).toBeCloseTo(7.5, 9);
    expect(v.reasons.join(' ')).toMatch(/correlation 1\.000 with A\/BTC above 0\.8/);
    const reject = new RiskValidator({ correlation: { max: 0.8, action: 'reject' } });
    feed(reject, 1);
    expect(reject.validate(buy('B/BTC'), held, market(100, 'B/BTC'))).toMatchObject({
      outcome: 'reject',
      rules: ['correlation'],
    });
    const loose = new RiskValidator({ correlation: { max: 0.8 } });
    feed(loose, 0);
    expect(loose.validate(buy('B/BTC'), held, market(100, 'B/BTC')).outcome).toBe('approve');
    // at exactly the limit passes: a perfectly correlated pair with max = 1
    const one = new RiskValidator({ correlation: { max: 1 } });
    feed(one, 1);
    expect(one.validate(buy('B/BTC'), held, market(100, 'B/BTC')).outcome).toBe('approve');
  });

  it('regime scaling: bearish regime scales entries down', () => {
    const risk = new RiskValidator({ regimeScale: { bearish: 0.5 } });
    risk.setRegime('bearish');
    const v = risk.validate(buy(), portfolio(10_000), market(100));
    expect(v).toMatchObject({ outcome: 'resize', rules: ['regime'] });
    expect(v.intent?.amount).toBeCloseTo(7.5, 12);
    risk.setRegime('bullish');
    expect(risk.validate(buy(), portfolio(10_000), market(100)).outcome).toBe('approve');
    // a 60%-confident bearish signal scales by 1 - 0.5 x 0.6 = 0.7
    risk.setRegime({ regime: 'bearish', confidence: 0.6 });
    expect(risk.validate(buy(), portfolio(10_000), market(100)).intent?.amount).toBeCloseTo(15 * 0.7, 12);
    expect(() => risk.setRegime({ regime: 'bearish', confidence: 1.2 })).toThrow(/got "1.2"/);
  });
});

describe('breakers and trading states', () => {
  const at = (hours: number, equity: number) => portfolio(equity, [], T0 + hours * HOUR);

  it('daily loss: 4.99% keeps trading, 5% halts until the next UTC day (auto resume)', () => {
    const risk = new RiskValidator({ dailyLossLimitPct: 0.05, maxDrawdownPct: 0.5 });
    expect(risk.validate(buy(), at(0, 10_000), market(100)).outcome).toBe('approve');
    expect(risk.validate(buy(), at(1, 9_501), market(100)).outcome).toBe('approve');
    expect(risk.state).toBe('ACTIVE');
    const v = risk.validate(buy(), at(2, 9_500), market(100));
    expect(v).toMatchObject({ outcome: 'reject', rules: ['trading-state'] });
    expect(risk.state).toBe('HALTED');
    expect(v.reasons.at(-1)).toMatch(/daily-loss: equity 9500 is down 5\.00% from 10000 today, limit 5\.00%/);
    // T0 is 12:00 UTC; the next UTC day starts 12 h later
    expect(risk.validate(buy(), at(11.9, 9_500), market(100)).outcome).toBe('reject');
    expect(risk.validate(buy(), at(12, 9_500), market(100)).outcome).toBe('approve');
    expect(risk.state).toBe('ACTIVE');
    expect(risk.stateHistory.map((c) => `${c.from}->${c.to}`)).toEqual(['ACTIVE->HALTED', 'HALTED->ACTIVE']);
  });

  it('daily loss with manual resume stays halted until resume()', () => {
    const risk = new RiskValidator({ breakers: { resume: 'manual' } });
    risk.validate(buy(), at(0, 10_000), market(100));
    risk.validate(buy(), at(1, 9_000), market(100));
    expect(risk.validate(buy(), at(48, 9_000), market(100)).outcome).toBe('reject');
    expect(risk.resume('daily-loss')).toEqual(['daily-loss']);
    expect(risk.validate(buy(), at(48, 9_000), market(100)).outcome).toBe('approve');
  });

  it('max drawdown: 19.99% from peak trades, 20% halts; auto resume after the cooldown resets the peak', () => {
    const risk = new RiskValidator({
      dailyLossLimitPct: 0,
      maxDrawdownPct: 0.2,
      breakers: { drawdownCooldownMinutes: 60 },
    });
    risk.validate(buy(), at(0, 10_000), market(100));
    risk.validate(buy(), at(30, 12_000), market(100)); // new peak on another day
    expect(risk.validate(buy(), at(60, 9_601), market(100)).outcome).toBe('approve');
    const v = risk.validate(buy(), at(90, 9_600), market(100));
    expect(v.outcome).toBe('reject');
    expect(risk.breakers.map((b) => b.name)).toEqual(['max-drawdown']);
    expect(risk.validate(buy(), at(90.99, 9_600), market(100)).outcome).toBe('reject');
    expect(risk.validate(buy(), at(91, 9_600), market(100)).outcome).toBe('approve');
    // the peak is now 9,600: a further 20% fall trips it again
    expect(risk.validate(buy(), at(92, 7_680), market(100)).outcome).toBe('reject');
  });

  it('stop-loss cooldown: 2 stops keep trading, the 3rd within the lookback blocks entries (REDUCING) for the cooldown', () => {
    const risk = new RiskValidator({
      dailyLossLimitPct: 0,
      maxDrawdownPct: 0,
      stopLossCooldown: { count: 3, lookbackMinutes: 600, cooldownMinutes: 120 },
    });
    const stopOut = (hour: number): void => {
      const t = T0 + hour * HOUR;
      const p = portfolio(9_000, [{ amount: 10, entryPrice: 100, openedAt: t }], t);
      expect(risk.exits(p, candle(t, 100, 100, 96, 96))[0]?.reason).toBe('exit:stop-loss');
    };
    stopOut(0);
    stopOut(1);
    expect(risk.state).toBe('ACTIVE');
    stopOut(10.5); // the first is now outside the 10 h lookback: still 2
    expect(risk.state).toBe('ACTIVE');
    stopOut(10.9);
    expect(risk.state).toBe('REDUCING');
    const during = risk.validate(buy(), at(12.8, 10_000), market(100));
    expect(during).toMatchObject({ outcome: 'reject', rules: ['trading-state'] });
    expect(during.reasons.at(-1)).toMatch(
      /REDUCING refuses entries \(stop-loss-cooldown: 3 stop-losses within 600 min\)/,
    );
    // exits still pass while REDUCING
    const sell = { symbol: 'ETH/BTC', side: 'sell', type: 'market', reduceOnly: true, reason: 'exit:signal' } as const;
    const held = portfolio(9_900, [{ amount: 1 }], T0 + 12.8 * HOUR);
    expect(risk.validate(sell, held, market(100)).outcome).toBe('approve');
    expect(risk.validate(buy(), at(12.9, 10_000), market(100)).outcome).toBe('approve');
  });

  it('HALTED refuses entries but lets protective exits through unless exitsWhenHalted is false', () => {
    const sell = {
      symbol: 'ETH/BTC',
      side: 'sell',
      type: 'market',
      reduceOnly: true,
      reason: 'exit:stop-loss',
    } as const;
    const p = portfolio(1_000, [{ amount: 1 }], T0);
    const lenient = new RiskValidator();
    lenient.killSwitch(p);
    expect(lenient.validate(sell, p, market(100)).outcome).toBe('approve');
    const strict = new RiskValidator({ exitsWhenHalted: false });
    const plan = strict.killSwitch(p, 'operator pressed stop');
    expect(strict.validate(sell, p, market(100))).toMatchObject({ outcome: 'reject', rules: ['trading-state'] });
    // the kill switch's own closes always pass
    expect(strict.validate(plan.closeIntents[0]!, p, market(100)).outcome).toBe('approve');
  });

  it('kill switch: cancel everything, close every position at market, halt until resumed by hand', () => {
    const risk = new RiskValidator();
    const p = portfolio(
      5_000,
      [
        { symbol: 'A/BTC', amount: 2 },
        { symbol: 'B/BTC', amount: 3 },
      ],
      T0,
    );
    const plan = risk.killSwitch(p, 'operator');
    expect(plan).toEqual({
      cancelOpenOrders: true,
      state: 'HALTED',
      reason: 'operator',
      closeIntents: [
        { symbol: 'A/BTC', side: 'sell', type: 'market', amount: 2, reduceOnly: true, reason: 'kill-switch' },
        { symbol: 'B/BTC', side: 'sell', type: 'market', amount: 3, reduceOnly: true, reason: 'kill-switch' },
      ],
    });
    expect(risk.state).toBe('HALTED');
    expect(risk.validate(buy(), at(1000, 10_000), market(100)).outcome).toBe('reject');
    risk.resume();
    expect(risk.state).toBe('ACTIVE');
    expect(risk.validate(buy(), at(1000, 10_000), market(100)).outcome).toBe('approve');
  });
});
