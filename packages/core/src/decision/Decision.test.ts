import { describe, expect, it } from 'vitest';
import { type Decision, DecisionSchema, holdDecision } from './Decision.js';

describe('Decision', () => {
  it('survives JSON serialisation unchanged', () => {
    const d: Decision = {
      symbol: 'ETH/BTC',
      timestamp: Date.UTC(2018, 0, 20),
      action: 'BUY',
      confidence: 0.72,
      predictions: { ret_1h: 0.0042, ret_6h: 0.011 },
      reasons: ['ret_1h 0.42% > buy threshold 0.20% after costs', 'confidence 72% >= 55%'],
    };
    expect(DecisionSchema.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('rejects confidence outside 0..1 and unknown actions', () => {
    const base = holdDecision('ETH/BTC', 0, ['warming up']);
    expect(DecisionSchema.safeParse({ ...base, confidence: 1.2 }).success).toBe(false);
    expect(DecisionSchema.safeParse({ ...base, action: 'SHORT' }).success).toBe(false);
    expect(DecisionSchema.safeParse(base).success).toBe(true);
  });

  it('holds with zero confidence when there is nothing to act on', () => {
    expect(holdDecision('LTC/BTC', 5, ['no model'])).toEqual({
      symbol: 'LTC/BTC',
      timestamp: 5,
      action: 'HOLD',
      confidence: 0,
      predictions: {},
      reasons: ['no model'],
    });
  });
});
