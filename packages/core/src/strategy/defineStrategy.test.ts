import { describe, expect, it } from 'vitest';
import { DecisionEngine } from '../decision/DecisionEngine.js';
import type { Decision } from '../decision/Decision.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { DecisionContext } from '../runner/DecisionPolicy.type.js';
import { defineStrategy } from './defineStrategy.js';

const T0 = Date.UTC(2018, 0, 10);
const ctx = (value: number, rsi = 50): DecisionContext => ({
  event: {
    symbol: 'ETH/BTC',
    timeframe: '5m',
    candle: { timestamp: T0, open: 1, high: 1, low: 1, close: 1, volume: 1 },
  },
  featureNames: ['rsi_14'],
  features: Float64Array.of(rsi),
  predictions: { ret_1h: { value, confidence: 0.8, trusted: true } },
  position: undefined,
});

describe('defineStrategy', () => {
  it('runs onCandle, the base policy, decide and confirmEntry, each with one context object', () => {
    const seen: string[] = [];
    const strategy = defineStrategy({
      name: 'rsi-guard',
      version: '1.2.0',
      onCandle: (c) => seen.push(`candle ${c.event.symbol}`),
      decide: ({ proposed }) => {
        seen.push(`proposed ${proposed.action}`);
        return undefined;
      },
      confirmEntry: ({ features, featureNames, decision }) => {
        seen.push(`confirm ${decision.action}`);
        return features[featureNames.indexOf('rsi_14')]! < 70;
      },
    });
    const policy = strategy.toPolicy(new DecisionEngine());
    expect(policy.decide(ctx(0.02, 50)).action).toBe('BUY');
    expect(seen).toEqual(['candle ETH/BTC', 'proposed BUY', 'confirm BUY']);
    const blocked = policy.decide(ctx(0.02, 75));
    expect(blocked.action).toBe('HOLD');
    expect(blocked.confidence).toBe(0);
    expect(blocked.reasons.at(-1)).toBe('entry not confirmed by strategy rsi-guard@1.2.0');
  });

  it('decide can replace the model-driven decision, or act alone without a base policy', () => {
    const rule = defineStrategy({
      name: 'oversold',
      version: '1',
      decide: ({ event, features, proposed }): Decision =>
        features[0]! < 30
          ? {
              symbol: event.symbol,
              timestamp: event.candle.timestamp,
              action: 'BUY',
              confidence: 0.9,
              predictions: {},
              reasons: ['rsi < 30'],
            }
          : proposed,
    });
    const alone = rule.toPolicy();
    expect(alone.decide(ctx(0, 25))).toMatchObject({
      action: 'BUY',
      reasons: ['rsi < 30', 'decided by strategy oversold@1'],
    });
    expect(alone.decide(ctx(0, 50))).toMatchObject({ action: 'HOLD', reasons: ['oversold@1: no base policy'] });
    expect(rule.toPolicy(new DecisionEngine()).decide(ctx(-0.05, 50)).action).toBe('SELL');
  });

  it('refuses bad definitions and bad decisions with typed errors', () => {
    expect(() => defineStrategy({ name: '', version: '1' })).toThrow(InvalidArgumentError);
    expect(() => defineStrategy({ name: 'x', version: ' ' })).toThrow(/version must be a non-empty string/);
    expect(() => defineStrategy({ name: 'x', version: '1', decide: 42 as never })).toThrow(
      /hook decide must be a function, got "number"/,
    );
    const bad = defineStrategy({
      name: 'bad',
      version: '1',
      decide: ({ proposed }) => ({ ...proposed, confidence: 2 }),
    });
    expect(() => bad.toPolicy().decide(ctx(0))).toThrow(/bad@1 decide returned an invalid decision: confidence/);
    const wrong = defineStrategy({
      name: 'w',
      version: '1',
      decide: ({ proposed }) => ({ ...proposed, symbol: 'LTC/BTC' }),
    });
    expect(() => wrong.toPolicy().decide(ctx(0))).toThrow(/for "LTC\/BTC"/);
    expect(Object.isFrozen(bad)).toBe(true);
  });
});
