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
