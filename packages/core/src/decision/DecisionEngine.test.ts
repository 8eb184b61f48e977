import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/ConfigError.js';
import type { DecisionContext } from '../runner/DecisionPolicy.type.js';
import type { Prediction } from '../runner/Predictor.type.js';
import { DecisionEngine } from './DecisionEngine.js';

const T0 = Date.UTC(2018, 0, 10);

function context(
  predictions: Record<string, Prediction>,
  close = 100,
  i = 0,
  position?: DecisionContext['position'],
): DecisionContext {
  return {
    event: {
      symbol: 'ETH/BTC',
      timeframe: '5m',
      candle: { timestamp: T0 + i * 300_000, open: close, high: close, low: close, close, volume: 1 },
    },
    featureNames: [],
    features: new Float64Array(0),
    predictions,
    position,
  };
}

const ret = (value: number, confidence = 0.8, trusted = true): Prediction => ({ value, confidence, trusted });

// Default costs: taker 0.1% + spread 2 bps + slippage 1 bp = 0.13% one way, 0.26% round trip.
const ROUND_TRIP = 2 * (0.001 + 0.0002 + 0.0001);

describe('DecisionEngine: single forward-return model, static thresholds', () => {
  it('buys only when the move after round-trip costs clears buyReturn (boundary)', () => {
    const engine = new DecisionEngine();
    const at = engine.decide(context({ ret_1h: ret(ROUND_TRIP + 0.002 + 1e-9) }));
    expect(at.action).toBe('BUY');
    expect(at.confidence).toBeCloseTo(0.8, 12);
    expect(at.predictions).toEqual({ ret_1h: ROUND_TRIP + 0.002 + 1e-9 });
    expect(at.reasons.at(-1)).toMatch(/clears buy bar 0\.200%/);
    const below = engine.decide(context({ ret_1h: ret(ROUND_TRIP + 0.002 - 1e-6) }, 100, 1));
    expect(below.action).toBe('HOLD');
    expect(below.confidence).toBe(0);
    expect(below.reasons.at(-1)).toMatch(/below buy bar/);
  });

  it('sells at or below -sellReturn and holds in between', () => {
    const engine = new DecisionEngine({ thresholds: { sellReturn: 0.003 } });
    expect(engine.decide(context({ r: ret(-0.003) })).action).toBe('SELL');
    expect(engine.decide(context({ r: ret(-0.0029) }, 100, 1)).action).toBe('HOLD');
  });

  it('holds below minConfidence, on untrusted or non-finite predictions, and when already holding', () => {
    const engine = new DecisionEngine({ thresholds: { minConfidence: 0.6 } });
    expect(engine.decide(context({ r: ret(0.05, 0.59) })).action).toBe('HOLD');
    expect(engine.decide(context({ r: ret(0.05, 0.6) }, 100, 1)).action).toBe('BUY');
    const untrusted = engine.decide(context({ r: ret(0.05, 0.9, false) }, 100, 2));
    expect(untrusted.action).toBe('HOLD');
    expect(untrusted.reasons).toContain('r: untrusted, ignored');
    expect(engine.decide(context({ r: ret(Number.NaN) }, 100, 3)).action).toBe('HOLD');
    const pos = { symbol: 'ETH/BTC', amount: 1, entryPrice: 100, openedAt: T0, markPrice: 100, highWatermark: 100 };
    const held = engine.decide(context({ r: ret(0.05, 0.9) }, 100, 4, pos));
    expect(held.action).toBe('HOLD');
    expect(held.reasons.at(-1)).toMatch(/already holding/);
  });

  it('refuses bad thresholds with a ConfigError naming the path and value', () => {
    expect(() => new DecisionEngine({ thresholds: { minConfidence: 1.5 } })).toThrow(ConfigError);
    expect(() => new DecisionEngine({ thresholds: { minConfidence: 1.5 } })).toThrow(/thresholds\.minConfidence.*1\.5/);
    expect(() => new DecisionEngine({ costs: { takerFee: -0.1 } })).toThrow(/costs\.takerFee/);
  });
});

describe('DecisionEngine: several horizons', () => {
  it('weights values by confidence and discounts confidence by disagreement', () => {
    const engine = new DecisionEngine();
    const d = engine.decide(context({ ret_1h: ret(0.01, 0.8), ret_6h: ret(0.02, 0.6) }));
    // expected = (0.8 * 0.01 + 0.6 * 0.02) / 1.4; confidence = mean(0.8, 0.6) * 1 (both agree)
    expect(d.action).toBe('BUY');
    expect(d.confidence).toBeCloseTo(0.7, 12);
    expect(d.reasons).toContain('expected move 1.429% at confidence 70% from 2 prediction(s)');
    expect(d.predictions).toEqual({ ret_1h: 0.01, ret_6h: 0.02 });
    const split = engine.decide(context({ ret_1h: ret(0.01, 0.9), ret_6h: ret(-0.002, 0.9) }, 100, 1));
    // half the weight disagrees: confidence 0.9 * 0.5 = 0.45 < 0.55
    expect(split.action).toBe('HOLD');
    expect(split.reasons.at(-1)).toBe('confidence 45% below 55%');
  });

  it('uses only the selected models, with their weights', () => {
    const engine = new DecisionEngine({ models: ['ret_1h', 'ret_6h'], weights: { ret_6h: 3 } });
    const d = engine.decide(context({ ret_1h: ret(0.01, 0.8), ret_6h: ret(0.02, 0.8), noise: ret(-1, 1) }));
    // expected = (1 * 0.8 * 0.01 + 3 * 0.8 * 0.02) / (4 * 0.8) = 0.0175
    expect(d.action).toBe('BUY');
    expect(d.reasons).toContain('expected move 1.750% at confidence 80% from 2 prediction(s)');
    expect(d.predictions).not.toHaveProperty('noise');
    const missing = engine.decide(context({ ret_1h: ret(0.01, 0.8) }, 100, 1));
    expect(missing.reasons).toContain('ret_6h: missing');
  });
});

describe('DecisionEngine: adaptive thresholds', () => {
  // 45 calm candles (+-0.1%) then 5 wild ones (+-2%): recent volatility is ~3x the baseline.
  function closes(): number[] {
    const out = [100];
    for (let i = 1; i < 51; i++) out.push(out[i - 1]! * (1 + (i % 2 === 0 ? 1 : -1) * (i > 45 ? 0.02 : 0.001)));
    return out;
  }

  it('widens the return bars when volatility and prediction error rise; static thresholds do not', () => {
    const config = { horizons: { r: '5m' } };
    const staticEngine = new DecisionEngine(config);
    const adaptive = new DecisionEngine({ ...config, adaptive: { enabled: true, shortWindow: 5, longWindow: 50 } });
    const cs = closes();
    let lastStatic: ReturnType<DecisionEngine['decide']> | undefined;
    let lastAdaptive: ReturnType<DecisionEngine['decide']> | undefined;
    cs.forEach((c, i) => {
      // round trip at 2% volatility: 2 * (0.1% + 0.02% + 4 x 0.01%) = 0.32%; static bar 0.2%, widened (x3) 0.6%
      const p = { r: ret(i < cs.length - 1 ? 0.0001 : 0.0032 + 0.004, 0.8) };
      lastStatic = staticEngine.decide(context(p, c, i));
      lastAdaptive = adaptive.decide(context(p, c, i));
    });
    expect(lastStatic!.action).toBe('BUY');
    expect(lastAdaptive!.action).toBe('HOLD');
    expect(lastAdaptive!.reasons.join(' | ')).toMatch(/thresholds widened x3\.00/);
    expect(lastAdaptive!.reasons.at(-1)).toMatch(/below buy bar 0\.600%/);
  });

  it('keeps the static bars in calm markets', () => {
    const adaptive = new DecisionEngine({ adaptive: { enabled: true, shortWindow: 5, longWindow: 50 } });
    let last: ReturnType<DecisionEngine['decide']> | undefined;
    for (let i = 0; i < 60; i++)
      last = adaptive.decide(context({ r: ret(0.005, 0.8) }, 100 * (1 + (i % 2) * 0.001), i));
    expect(last!.action).toBe('BUY');
    expect(last!.reasons.join(' ')).not.toMatch(/widened/);
  });

  it('decides after a spike followed by flat prices (the spike leaves no NaN volatility behind)', () => {
    // The DecisionPolicy contract's counterexample: this once threw "volatility must be a finite number >= 0, got NaN".
    const engine = new DecisionEngine({
      adaptive: { enabled: true, shortWindow: 3, longWindow: 10 },
      thresholds: { minConfidence: 0.3 },
    });
    const cs = [1, 3.7162319354615296, 1.0000000000000004, 1, 1, 1];
    const ds = cs.map((c, i) => engine.decide(context(i === cs.length - 1 ? { r: ret(0, 0, true) } : {}, c, i)));
    expect(ds.map((d) => d.action)).toEqual(['HOLD', 'HOLD', 'HOLD', 'HOLD', 'HOLD', 'HOLD']);
  });

  it('refuses a long window not longer than the short one', () => {
    expect(() => new DecisionEngine({ adaptive: { shortWindow: 20, longWindow: 20 } })).toThrow(/adaptive\.longWindow/);
  });
});

describe('DecisionEngine: order size in the cost bar', () => {
  it('a large order relative to the candle volume raises the bar through market impact', () => {
    // candle quote volume = close 100 x volume 1 = 100; an order of 100 is 100% of it:
    // impact 10 bps x sqrt(1) = 0.1% per side => round trip 0.26% + 0.2% = 0.46%
    const value = 0.0026 + 0.002 + 0.0001;
    expect(new DecisionEngine().decide(context({ r: ret(value) })).action).toBe('BUY');
    const big = new DecisionEngine({ orderNotional: 100 }).decide(context({ r: ret(value) }));
    expect(big.action).toBe('HOLD');
    expect(big.reasons.at(-1)).toMatch(/after 0\.460% round-trip costs/);
  });
});
