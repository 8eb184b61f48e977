import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionContext, DecisionPolicy } from '../runner/DecisionPolicy.type.js';
import type { Prediction } from '../runner/Predictor.type.js';
import { DecisionSchema } from './Decision.js';

/**
 * Shared contract every `DecisionPolicy` must pass (a test helper, not part of
 * the public API): every decision parses with `DecisionSchema`, is for the
 * context's market and candle, has reasons, holds with zero confidence when
 * there is no trusted prediction, and the same sequence of contexts gives the
 * same decisions.
 */
export function decisionPolicyContract(name: string, makePolicy: () => DecisionPolicy): void {
  describe(`DecisionPolicy contract: ${name}`, () => {
    const T0 = Date.UTC(2018, 0, 10);
    const prediction = fc.record({
      value: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      trusted: fc.boolean(),
    });
    const step = fc.record({
      close: fc.double({ min: 1, max: 1000, noNaN: true }),
      predictions: fc.dictionary(fc.constantFrom('ret_1h', 'ret_6h', 'ret_12h'), prediction),
    });
    const ctx = (i: number, close: number, predictions: Record<string, Prediction>): DecisionContext => ({
      event: {
        symbol: 'ETH/BTC',
        timeframe: '5m',
        candle: { timestamp: T0 + i * 300_000, open: close, high: close, low: close, close, volume: 1 },
      },
      featureNames: [],
      features: new Float64Array(0),
      predictions,
      position: undefined,
    });

    it('gives valid, reasoned, deterministic decisions for the context market', () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
          const a = makePolicy();
          const b = makePolicy();
          steps.forEach((s, i) => {
            const d = a.decide(ctx(i, s.close, s.predictions));
            expect(DecisionSchema.safeParse(d).success).toBe(true);
            expect(d.symbol).toBe('ETH/BTC');
            expect(d.timestamp).toBe(T0 + i * 300_000);
            expect(d.reasons.length).toBeGreaterThan(0);
            if (d.action === 'HOLD') expect(d.confidence).toBe(0);
            if (!Object.values(s.predictions).some((p) => p.trusted)) expect(d.action).toBe('HOLD');
            expect(b.decide(ctx(i, s.close, s.predictions))).toEqual(d);
          });
        }),
        { numRuns: 100 },
      );
    });
  });
}
