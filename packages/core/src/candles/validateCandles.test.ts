import { describe, expect, it } from 'vitest';
import { loadShared, sharedFiles, timeframeOf } from '../../test/sharedData.js';
import { assertValidCandles } from './assertValidCandles.js';
import { candlesFromOHLCV } from './candlesFromOHLCV.js';
import { validateCandles } from './validateCandles.js';

const T0 = Date.UTC(2018, 0, 10);
const M5 = 300_000;
const row = (i: number, o = 1, h = 2, l = 0.5, c = 1.5, v = 10) => [T0 + i * M5, o, h, l, c, v];

describe('validateCandles on the real shared series', () => {
  it('reports exactly 538 gaps on GAPPY_BTC-1m.json', () => {
    const report = validateCandles(loadShared('GAPPY_BTC-1m.json'), { timeframe: '1m' });
    expect(report.gaps).toHaveLength(538);
    expect(report.ok).toBe(true);
    // Each gap's bounds are missing candles: one step after a present candle to one step before the next.
    const g = report.gaps[0];
    expect(g).toBeDefined();
    expect(g!.missing).toBe((g!.to - g!.from) / 60_000 + 1);
  });

  it('reports nothing on ETH_BTC-5m.json', () => {
    const report = validateCandles(loadShared('ETH_BTC-5m.json'), { timeframe: '5m' });
    expect(report).toEqual({ ok: true, duplicates: 0, outOfOrder: 0, gaps: [], invalid: [] });
  });

  it.each(sharedFiles())('%s is valid (the README gap counts hold)', (file) => {
    const report = validateCandles(loadShared(file), { timeframe: timeframeOf(file) });
    expect(report.ok).toBe(true);
    const expectedGaps: Record<string, number> = {
      'ADA_BTC-5m.json': 5,
      'TRX_BTC-5m.json': 6,
      'DASH_BTC-5m.json': 2,
      'XMR_BTC-5m.json': 2,
      'ZEC_BTC-5m.json': 2,
      'GAPPY_BTC-1m.json': 538,
      'ETH_BTC-5m.json': 0,
    };
    if (file in expectedGaps) expect(report.gaps.length).toBe(expectedGaps[file]);
  });
});

describe('validateCandles on bad input', () => {
  it('flags NaN, Infinity, negative values and impossible highs and lows with their row', () => {
    const s = candlesFromOHLCV([
      row(0),
      row(1, Number.NaN),
      row(2, 1, Number.POSITIVE_INFINITY),
      row(3, -1, 2, -2, 1),
      row(4, 1, 2, 0.5, 1.5, -3),
      row(5, 1, 1.2, 0.5, 1.3),
      row(6, 1, 2, 1.1, 1.5),
    ]);
    const r = validateCandles(s, { timeframe: '5m' });
    expect(r.ok).toBe(false);
    expect(r.invalid).toEqual([
      { index: 1, reason: 'open is NaN' },
      { index: 2, reason: 'high is Infinity' },
      { index: 3, reason: 'open -1 is negative' },
      { index: 4, reason: 'volume -3 is negative' },
      { index: 5, reason: 'high 1.2 is below close 1.3' },
      { index: 6, reason: 'low 1.1 is above open 1' },
    ]);
  });

  it('counts duplicates and out-of-order rows and reports gaps', () => {
    const s = candlesFromOHLCV([row(0), row(1), row(1), row(0), row(5)]);
    const r = validateCandles(s, { timeframe: '5m' });
    expect(r.duplicates).toBe(1);
    expect(r.outOfOrder).toBe(1);
    expect(r.gaps).toEqual([{ from: T0 + 1 * M5, to: T0 + 4 * M5, missing: 4 }]);
    expect(r.first).toEqual({ index: 2, reason: 'duplicate timestamp 2018-01-10T00:05:00.000Z' });
  });

  it('flags timestamps off the timeframe grid', () => {
    const s = candlesFromOHLCV([row(0), [T0 + M5 + 1000, 1, 2, 0.5, 1.5, 1]]);
    expect(validateCandles(s, { timeframe: '5m' }).invalid[0]?.reason).toMatch(/not on the timeframe grid/);
    expect(validateCandles(s).ok).toBe(true);
  });
});

describe('assertValidCandles', () => {
  it('throws an InvalidCandlesError quoting the first bad row', () => {
    const s = candlesFromOHLCV([row(0), row(1, 1, 2, 0.5, Number.NaN)]);
    expect(() => assertValidCandles(s, { timeframe: '5m', label: 'ETH/BTC' })).toThrowError(
      'Invalid candle in ETH/BTC at row 1 [2018-01-10T00:05:00.000Z, 1, 2, 0.5, NaN, 10]: close is NaN (1 invalid, 0 duplicate, 0 out of order)',
    );
    try {
      assertValidCandles(s);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_CANDLES', retryable: false });
    }
  });

  it('allows gaps unless asked to reject them', () => {
    const s = loadShared('GAPPY_BTC-1m.json');
    expect(assertValidCandles(s, { timeframe: '1m' }).gaps).toHaveLength(538);
    expect(() => assertValidCandles(s, { timeframe: '1m', rejectGaps: true })).toThrowError(
      /^Gap: \d+ candle\(s\) missing from .* \(538 gaps\)$/,
    );
  });
});
