import { runBacktest } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { syntheticUniverse } from '../bench/synthetic.js';
import { PaperBroker } from '../src/index.js';
import {
  CrossoverFeatures,
  fractionGate,
  passThroughModel,
  positionAwarePolicy,
  thresholdPolicy,
} from './support/ruleStrategy.js';
import { loadUniverse } from './support/sharedData.js';

const run = (policy: typeof thresholdPolicy, series: Parameters<typeof runBacktest>[0]['series']) =>
  runBacktest({
    series,
    timeframe: '5m',
    startEquity: 1,
    features: new CrossoverFeatures(6, 24),
    models: [passThroughModel],
    decisions: policy(0.002),
    risk: fractionGate(0.09),
    broker: new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 2 }),
  });

describe('the bench rule strategy', () => {
  // The bench's headline policy looks at the position; the claim that it trades exactly as the
  // position-blind one (whose extra BUYs the gate refuses and whose extra SELLs place nothing) is checked here.
  for (const [name, series] of [
    ['the ten real */BTC 5m markets', loadUniverse()],
    ['the bench synthetic universe (10 x 6,000)', syntheticUniverse(10, 6_000, 7)],
  ] as const) {
    it(`trades identically with the position-aware and the position-blind policy on ${name}`, async () => {
      const blind = await run(thresholdPolicy, series);
      const aware = await run(positionAwarePolicy, series);
      expect(blind.trades.length).toBeGreaterThan(20);
      expect(aware.fills).toEqual(blind.fills);
      expect(aware.orders).toEqual(blind.orders);
      expect(aware.equity).toEqual(blind.equity);
      expect(aware.metrics).toEqual(blind.metrics);
      // Only the refused or empty signals became HOLDs.
      const acted = (d: (typeof blind.decisions)[number]) => d.action !== 'HOLD';
      expect(aware.decisions.filter(acted).length).toBeLessThan(blind.decisions.filter(acted).length);
    });
  }
});
