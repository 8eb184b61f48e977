import { riskGateContract } from './fixtures/riskGateContract.js';
import { RiskValidator } from './RiskValidator.js';

riskGateContract('RiskValidator, defaults', () => new RiskValidator());
riskGateContract(
  'RiskValidator, fixed risk with exchange limits',
  () =>
    new RiskValidator({
      sizing: { method: 'fixed-risk', riskPct: 0.02 },
      markets: {
        'ETH/BTC': { precision: { amount: 0.01, price: 0.01 }, limits: { amount: { min: 0.1 }, cost: { min: 5 } } },
      },
    }),
);
riskGateContract(
  'RiskValidator, capped Kelly from the decision confidence, ATR stops',
  () => new RiskValidator({ sizing: { method: 'kelly' }, stop: { method: 'atr' }, maxOpenPositions: 1 }),
);
