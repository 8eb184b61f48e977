import { describe, expect, it } from 'vitest';
import * as features from './index.js';

describe('@sextant/features public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(features).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_FEATURES",
        "FeatureDefSchema",
        "FeatureExpansionSchema",
        "FeaturePipeline",
        "FeaturePipelineConfigSchema",
        "adx",
        "alignToBase",
        "aroon",
        "atr",
        "bollinger",
        "cci",
        "cmf",
        "createFeatureSource",
        "dema",
        "donchian",
        "ema",
        "forwardReturn",
        "inferTimeframe",
        "keltner",
        "logReturns",
        "macd",
        "mfi",
        "mom",
        "natr",
        "obv",
        "precomputedFeatureSource",
        "resample",
        "roc",
        "rollingVolatility",
        "rsi",
        "sma",
        "stddev",
        "stochRsi",
        "stochastic",
        "tema",
        "vwap",
        "willr",
        "wma",
      ]
    `);
  });
});
