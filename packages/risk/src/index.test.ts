import { describe, expect, it } from 'vitest';
import * as risk from './index.js';

describe('@sextant/risk public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(risk).sort()).toMatchInlineSnapshot(`
      [
        "ExitManager",
        "MarketHistory",
        "RiskValidator",
        "RiskValidatorConfigSchema",
        "SizingConfigSchema",
        "TRADING_STATES",
        "TradingStateMachine",
        "applyMarketLimits",
        "pearson",
        "roundToStep",
        "sizePosition",
      ]
    `);
  });
});
