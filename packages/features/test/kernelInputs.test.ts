/** Bad inputs to the kernels get a typed INVALID_ARGUMENT error quoting the value; short inputs are all warm-up. */
import { createCandleSeries, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

const a = Float64Array.from([1, 2, 3, 4, 5]);
const b = Float64Array.from([1, 2, 3]);

const expectInvalid = (fn: () => unknown, pattern: RegExp) => {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(isSextantError(e, 'INVALID_ARGUMENT'), String(e)).toBe(true);
    expect((e as Error).message).toMatch(pattern);
  }
};

describe('kernel arguments', () => {
  it.each([
    ['sma', () => F.sma(a, 0), /sma: period must be an integer from 1 to 100000, got 0/],
    ['ema', () => F.ema(a, 1), /ema: period .* got 1/],
    ['rsi', () => F.rsi(a, 2.5), /rsi: period .* got 2\.5/],
    ['macd', () => F.macd(a, 12, 26, 1), /macd: signal .* got 1/],
    ['bollinger stdDev', () => F.bollinger(a, 5, Number.NaN), /bollinger: stdDev must be a finite number, got NaN/],
    ['stochastic', () => F.stochastic(a, a, a, 14, 0, 3), /stochastic: kSmooth .* got 0/],
    ['roc', () => F.roc(a, -1), /roc: period .* got -1/],
    ['donchian', () => F.donchian(a, a, 100_001), /got 100001/],
    [
      'keltner',
      () => F.keltner(a, a, a, 20, Number.POSITIVE_INFINITY),
      /multiplier must be a finite number, got Infinity/,
    ],
    [
      'candlePattern',
      () =>
        F.candlePattern(
          createCandleSeries({ timestamp: [], open: [], high: [], low: [], close: [], volume: [] }),
          'star' as never,
        ),
      /unknown pattern "star"/,
    ],
  ])('%s', (_n, fn, pattern) => expectInvalid(fn, pattern));

  it.each([
    ['atr', () => F.atr(a, b, a, 3)],
    ['adx', () => F.adx(a, a, b, 3)],
    ['mfi', () => F.mfi(a, a, a, b, 3)],
    ['obv', () => F.obv(a, b)],
    ['aroon', () => F.aroon(a, b, 3)],
  ])('%s refuses columns of different lengths', (name, fn) =>
    expectInvalid(fn, new RegExp(`${name}: ".+" has 3 values but ".+" has 5`)),
  );

  it('returns all-NaN arrays of the input length when the input is shorter than the warm-up', () => {
    for (const out of [
      F.sma(b, 5),
      F.ema(b, 5),
      F.rsi(b, 14),
      F.atr(b, b, b, 14),
      F.cci(b, b, b, 20),
      F.macd(b, 12, 26, 9).signal,
      F.adx(b, b, b, 14).adx,
      F.stochastic(b, b, b, 14, 3, 3).d,
      F.mfi(b, b, b, b, 14),
      F.aroon(b, b, 25).up,
      F.donchian(b, b, 20).upper,
    ]) {
      expect(out.length).toBe(3);
      expect(Array.from(out).every(Number.isNaN)).toBe(true);
    }
    expect(F.sma(new Float64Array(0), 3).length).toBe(0);
    expect(F.obv(new Float64Array(0), new Float64Array(0)).length).toBe(0);
  });

  it('gives every candlestick pattern its exact warm-up on series around the lookback, equal to the streaming twin', () => {
    const lookbacks = {
      engulfing: 2,
      doji: 10,
      hammer: 11,
      shootingStar: 11,
      harami: 11,
      morningStar: 12,
      eveningStar: 12,
      threeBlackCrows: 13,
      threeWhiteSoldiers: 12,
    } as const;
    for (const [name, lookback] of Object.entries(lookbacks) as [F.CandlePatternName, number][]) {
      for (const n of [0, 1, lookback - 1, lookback, lookback + 1, lookback + 5]) {
        const open = Array.from({ length: n }, (_, i) => 10 + Math.sin(i) * 2);
        const close = Array.from({ length: n }, (_, i) => 10 + Math.cos(i * 1.3) * 2);
        const series = createCandleSeries({
          timestamp: Array.from({ length: n }, (_, i) => i * 60_000),
          open,
          high: open.map((o, i) => Math.max(o, close[i]!) + 0.5),
          low: open.map((o, i) => Math.min(o, close[i]!) - 0.5),
          close,
          volume: open.map(() => 1),
        });
        const out = F.candlePattern(series, name);
        expect(out.length).toBe(n);
        const warm = Array.from(out).findIndex((x) => !Number.isNaN(x));
        expect(warm === -1 ? n : warm, `${name} on ${n} candles`).toBe(Math.min(n, lookback));
        const twin = new F.CandlePattern(name);
        for (let i = 0; i < n; i++) {
          twin.add({ open: series.open[i]!, high: series.high[i]!, low: series.low[i]!, close: series.close[i]! });
          expect(Object.is(twin.value, out[i]), `${name} candle ${i} of ${n}`).toBe(true);
        }
      }
    }
  });
});
