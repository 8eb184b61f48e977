import { describe, expect, it } from 'vitest';
import * as risk from './index.js';

describe('@sextant/risk public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(risk).sort()).toMatchInlineSnapshot(`
      [
        "BreakerMonitor",
        "ExitManager",
        "MarketHistory",
        "PreflightError",
        "RiskStateSchema",
        "RiskValidator",
        "RiskValidatorConfigSchema",
        "ScanFilter",
        "ScannerConfigSchema",
        "SizingConfigSchema",
        "TRADING_STATES",
        "TradingStateMachine",
        "applyMarketLimits",
        "assertPreflight",
        "marketRegime",
        "pearson",
        "roundToStep",
        "runPreflight",
        "scanMarkets",
        "sizePosition",
        "validateEntry",
        "validateExit",
      ]
    `);
  });
});
