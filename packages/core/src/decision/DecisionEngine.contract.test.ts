import { defineStrategy } from '../strategy/defineStrategy.js';
import { DecisionEngine } from './DecisionEngine.js';
import { decisionPolicyContract } from './decisionPolicyContract.js';

decisionPolicyContract('DecisionEngine, static thresholds', () => new DecisionEngine());
decisionPolicyContract(
  'DecisionEngine, adaptive thresholds',
  () =>
    new DecisionEngine({
      adaptive: { enabled: true, shortWindow: 3, longWindow: 10 },
      thresholds: { minConfidence: 0.3 },
    }),
);
decisionPolicyContract('defineStrategy policy around a DecisionEngine', () =>
  defineStrategy({ name: 'guard', version: '1', confirmEntry: ({ event }) => event.candle.close < 500 }).toPolicy(
    new DecisionEngine({ thresholds: { minConfidence: 0.2, buyReturn: 0 } }),
  ),
);
