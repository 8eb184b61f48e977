import { describe, expect, it } from 'vitest';
import { loadShared } from '../../test/sharedData.js';
import type { Decision } from './Decision.js';
import { DecisionEngine } from './DecisionEngine.js';

// The real ETH/BTC 5m candles (2018-01-10 .. 2018-01-30) with a naive
// momentum forecaster: the adaptive policy only ever raises the bars, so it
// acts on a subset of the static policy's candles, and on real volatility
// clusters it does widen.
describe('DecisionEngine on real ETH/BTC candles', () => {
  it('adaptive decisions are a strict subset of the static ones, widening in volatile stretches', () => {
    const s = loadShared('ETH_BTC-5m.json');
    const config = { thresholds: { buyReturn: 0.001, sellReturn: 0.001, minConfidence: 0.5 }, horizons: { mom: '1h' } };
    // same windows (the cost bar's volatility uses the short one), only `enabled` differs
    const windows = { shortWindow: 24, longWindow: 288 };
    const fixed = new DecisionEngine({ ...config, adaptive: { ...windows, enabled: false } });
    const adaptive = new DecisionEngine({ ...config, adaptive: { ...windows, enabled: true } });
    const acted = { fixed: 0, adaptive: 0, widened: 0 };
    for (let i = 12; i < s.length; i++) {
      const close = s.close[i]!;
      const context = {
        event: {
          symbol: 'ETH/BTC',
          timeframe: '5m' as const,
          candle: {
            timestamp: s.timestamp[i]!,
            open: s.open[i]!,
            high: s.high[i]!,
            low: s.low[i]!,
            close,
            volume: s.volume[i]!,
          },
        },
        featureNames: [],
        features: new Float64Array(0),
        predictions: { mom: { value: close / s.close[i - 12]! - 1, confidence: 0.7, trusted: true } },
        position: undefined,
      };
      const a: Decision = fixed.decide(context);
      const b: Decision = adaptive.decide(context);
      if (a.action !== 'HOLD') acted.fixed++;
      if (b.action !== 'HOLD') {
        acted.adaptive++;
        expect(b.action).toBe(a.action);
      }
      if (b.reasons.some((r) => r.startsWith('thresholds widened'))) acted.widened++;
    }
    expect(acted.fixed).toBeGreaterThan(100);
    expect(acted.adaptive).toBeLessThan(acted.fixed);
    expect(acted.widened).toBeGreaterThan(100);
  });
});
