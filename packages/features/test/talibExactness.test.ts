/**
 * Exactness against TA-Lib itself: the C library as built by the `talib@1.1.6`
 * npm package (a root devDependency), called through its addon. Every kernel,
 * every shared real series: same warm-up NaN count and at most 1e-9 relative
 * error from TA-Lib's first output on. Where TA-Lib has no such indicator the
 * case names the TA-Lib composition used as the reference.
 */
import type { CandleSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import {
  adx,
  aroon,
  atr,
  bollinger,
  candlePattern,
  cci,
  cmf,
  dema,
  donchian,
  ema,
  keltner,
  logReturns,
  macd,
  mfi,
  mom,
  natr,
  obv,
  roc,
  rollingVolatility,
  rsi,
  sma,
  stddev,
  stochastic,
  stochRsi,
  tema,
  vwap,
  willr,
  wma,
} from '../src/index.js';
import { PATTERN_NAMES } from './helpers/patternNames.js';
import { loadSeries, seriesFiles } from './helpers/loadSeries.js';
import { arr, maxRelError, ta, warmup } from './helpers/talib.js';

type Case = [label: string, ours: (s: CandleSeries) => Float64Array[], ref: (s: CandleSeries) => Float64Array[]];

const hlc = (s: CandleSeries) => ({ high: arr(s.high), low: arr(s.low), close: arr(s.close) });
const one =
  (name: string, params: Record<string, unknown>, key = 'outReal') =>
  (s: CandleSeries) => [ta(name, s.length, params)[key]!];
const real = (s: CandleSeries) => ({ inReal: arr(s.close) });

const CASES: Case[] = [
  ['sma(20)', (s) => [sma(s.close, 20)], (s) => [ta('SMA', s.length, { ...real(s), optInTimePeriod: 20 }).outReal!]],
  ['sma(2)', (s) => [sma(s.close, 2)], (s) => [ta('SMA', s.length, { ...real(s), optInTimePeriod: 2 }).outReal!]],
  ['ema(9)', (s) => [ema(s.close, 9)], (s) => one('EMA', { ...real(s), optInTimePeriod: 9 })(s)],
  ['ema(200)', (s) => [ema(s.close, 200)], (s) => one('EMA', { ...real(s), optInTimePeriod: 200 })(s)],
  ['wma(20)', (s) => [wma(s.close, 20)], (s) => one('WMA', { ...real(s), optInTimePeriod: 20 })(s)],
  ['dema(20)', (s) => [dema(s.close, 20)], (s) => one('DEMA', { ...real(s), optInTimePeriod: 20 })(s)],
  ['tema(10)', (s) => [tema(s.close, 10)], (s) => one('TEMA', { ...real(s), optInTimePeriod: 10 })(s)],
  ['rsi(14)', (s) => [rsi(s.close, 14)], (s) => one('RSI', { ...real(s), optInTimePeriod: 14 })(s)],
  ['rsi(2)', (s) => [rsi(s.close, 2)], (s) => one('RSI', { ...real(s), optInTimePeriod: 2 })(s)],
  [
    'macd(12,26,9)',
    (s) => Object.values(macd(s.close, 12, 26, 9)),
    (s) => {
      const r = ta('MACD', s.length, { ...real(s), optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 });
      return [r.outMACD!, r.outMACDSignal!, r.outMACDHist!];
    },
  ],
  [
    'macd(26,12,2) swapped',
    (s) => Object.values(macd(s.close, 26, 12, 2)),
    (s) => {
      const r = ta('MACD', s.length, { ...real(s), optInFastPeriod: 26, optInSlowPeriod: 12, optInSignalPeriod: 2 });
      return [r.outMACD!, r.outMACDSignal!, r.outMACDHist!];
    },
  ],
  [
    'bollinger(20,2)',
    (s) => {
      const b = bollinger(s.close, 20, 2);
      return [b.upper, b.middle, b.lower];
    },
    (s) => {
      const r = ta('BBANDS', s.length, {
        ...real(s),
        optInTimePeriod: 20,
        optInNbDevUp: 2,
        optInNbDevDn: 2,
        optInMAType: 0,
      });
      return [r.outRealUpperBand!, r.outRealMiddleBand!, r.outRealLowerBand!];
    },
  ],
  [
    'stddev(20)',
    (s) => [stddev(s.close, 20)],
    (s) => one('STDDEV', { ...real(s), optInTimePeriod: 20, optInNbDev: 1 })(s),
  ],
  ['atr(14)', (s) => [atr(s.high, s.low, s.close, 14)], (s) => one('ATR', { ...hlc(s), optInTimePeriod: 14 })(s)],
  ['natr(14)', (s) => [natr(s.high, s.low, s.close, 14)], (s) => one('NATR', { ...hlc(s), optInTimePeriod: 14 })(s)],
  // TA-Lib's NATR(1) short-circuits to TRANGE (raw true range, not normalised).
  ['natr(1)', (s) => [natr(s.high, s.low, s.close, 1)], (s) => one('NATR', { ...hlc(s), optInTimePeriod: 1 })(s)],
  [
    'stochastic(14,3,3)',
    (s) => Object.values(stochastic(s.high, s.low, s.close, 14, 3, 3)),
    (s) => {
      const r = ta('STOCH', s.length, {
        ...hlc(s),
        optInFastK_Period: 14,
        optInSlowK_Period: 3,
        optInSlowK_MAType: 0,
        optInSlowD_Period: 3,
        optInSlowD_MAType: 0,
      });
      return [r.outSlowK!, r.outSlowD!];
    },
  ],
  [
    'stochRsi(14,14,3)',
    (s) => Object.values(stochRsi(s.close, 14, 14, 3)),
    (s) => {
      const r = ta('STOCHRSI', s.length, {
        ...real(s),
        optInTimePeriod: 14,
        optInFastK_Period: 14,
        optInFastD_Period: 3,
        optInFastD_MAType: 0,
      });
      return [r.outFastK!, r.outFastD!];
    },
  ],
  [
    'adx(14)',
    (s) => Object.values(adx(s.high, s.low, s.close, 14)),
    (s) => [
      ta('ADX', s.length, { ...hlc(s), optInTimePeriod: 14 }).outReal!,
      ta('PLUS_DI', s.length, { ...hlc(s), optInTimePeriod: 14 }).outReal!,
      ta('MINUS_DI', s.length, { ...hlc(s), optInTimePeriod: 14 }).outReal!,
    ],
  ],
  ['cci(20)', (s) => [cci(s.high, s.low, s.close, 20)], (s) => one('CCI', { ...hlc(s), optInTimePeriod: 20 })(s)],
  ['cci(40)', (s) => [cci(s.high, s.low, s.close, 40)], (s) => one('CCI', { ...hlc(s), optInTimePeriod: 40 })(s)],
  [
    'aroon(25)',
    (s) => Object.values(aroon(s.high, s.low, 25)),
    (s) => {
      const r = ta('AROON', s.length, { high: arr(s.high), low: arr(s.low), optInTimePeriod: 25 });
      return [r.outAroonUp!, r.outAroonDown!];
    },
  ],
  ['obv', (s) => [obv(s.close, s.volume)], (s) => one('OBV', { ...real(s), volume: arr(s.volume) })(s)],
  [
    'mfi(14)',
    (s) => [mfi(s.high, s.low, s.close, s.volume, 14)],
    (s) => one('MFI', { ...hlc(s), volume: arr(s.volume), optInTimePeriod: 14 })(s),
  ],
  ['willr(14)', (s) => [willr(s.high, s.low, s.close, 14)], (s) => one('WILLR', { ...hlc(s), optInTimePeriod: 14 })(s)],
  ['roc(10)', (s) => [roc(s.close, 10)], (s) => one('ROC', { ...real(s), optInTimePeriod: 10 })(s)],
  ['mom(10)', (s) => [mom(s.close, 10)], (s) => one('MOM', { ...real(s), optInTimePeriod: 10 })(s)],
  ...(
    [
      ['engulfing', 'CDLENGULFING'],
      ['doji', 'CDLDOJI'],
      ['hammer', 'CDLHAMMER'],
      ['shootingStar', 'CDLSHOOTINGSTAR'],
      ['morningStar', 'CDLMORNINGSTAR'],
      ['eveningStar', 'CDLEVENINGSTAR'],
      ['harami', 'CDLHARAMI'],
      ['threeBlackCrows', 'CDL3BLACKCROWS'],
      ['threeWhiteSoldiers', 'CDL3WHITESOLDIERS'],
    ] as const
  ).map(
    ([name, fn]): Case => [
      `candlePattern(${name}) = TA-Lib ${fn}`,
      (s) => [candlePattern(s, name)],
      (s) => [
        ta(fn, s.length, {
          open: arr(s.open),
          high: arr(s.high),
          low: arr(s.low),
          close: arr(s.close),
          // TA-Lib's default penetration for the stars (ignored by the others).
          ...(fn.endsWith('STAR') && fn !== 'CDLSHOOTINGSTAR' ? { optInPenetration: 0.3 } : {}),
        }).outInteger!,
      ],
    ],
  ),
  // No TA-Lib function: references composed from TA-Lib functions.
  [
    'keltner(20,2,10) = TA-Lib EMA(close,20) +- 2 * TA-Lib ATR(10)',
    (s) => Object.values(keltner(s.high, s.low, s.close, 20, 2, 10)),
    (s) => {
      const m = ta('EMA', s.length, { ...real(s), optInTimePeriod: 20 }).outReal!;
      const a = ta('ATR', s.length, { ...hlc(s), optInTimePeriod: 10 }).outReal!;
      return [m.map((x, i) => x + a[i]! * 2), m, m.map((x, i) => x - a[i]! * 2)];
    },
  ],
  [
    'donchian(20) = TA-Lib MAX(high), (MAX + MIN) / 2, MIN(low)',
    (s) => Object.values(donchian(s.high, s.low, 20)),
    (s) => {
      const hi = ta('MAX', s.length, { inReal: arr(s.high), optInTimePeriod: 20 }).outReal!;
      const lo = ta('MIN', s.length, { inReal: arr(s.low), optInTimePeriod: 20 }).outReal!;
      return [hi, hi.map((x, i) => (x + lo[i]!) / 2), lo];
    },
  ],
  [
    'vwap(20) = TA-Lib SUM(tp * v) / SUM(v)',
    (s) => [vwap(s.high, s.low, s.close, s.volume, 20)],
    (s) => {
      const pv = s.close.map((c, i) => ((s.high[i]! + s.low[i]! + c) / 3) * s.volume[i]!);
      const a = ta('SUM', s.length, { inReal: arr(pv), optInTimePeriod: 20 }).outReal!;
      const b = ta('SUM', s.length, { inReal: arr(s.volume), optInTimePeriod: 20 }).outReal!;
      return [a.map((x, i) => (b[i]! > 0 ? x / b[i]! : Number.NaN))];
    },
  ],
  [
    'cmf(20) = TA-Lib SUM(money flow volume) / SUM(v) (pandas-ta cmf)',
    (s) => [cmf(s.high, s.low, s.close, s.volume, 20)],
    (s) => {
      const mfv = s.close.map((c, i) => {
        const h = s.high[i]!;
        const l = s.low[i]!;
        return h !== l ? ((c - l - (h - c)) / (h - l)) * s.volume[i]! : 0;
      });
      const a = ta('SUM', s.length, { inReal: arr(mfv), optInTimePeriod: 20 }).outReal!;
      const b = ta('SUM', s.length, { inReal: arr(s.volume), optInTimePeriod: 20 }).outReal!;
      return [a.map((x, i) => (b[i]! > 0 ? x / b[i]! : Number.NaN))];
    },
  ],
  [
    'logReturns(3) = TA-Lib LN(ROCR(close, 3))',
    (s) => [logReturns(s.close, 3)],
    (s) => {
      const r = ta('ROCR', s.length, { ...real(s), optInTimePeriod: 3 }).outReal!;
      return [r.map(Math.log)];
    },
  ],
  [
    'rollingVolatility(20) = TA-Lib STDDEV(LN(ROCR(close, 1)), 20)',
    (s) => [rollingVolatility(s.close, 20)],
    (s) => {
      const r = ta('ROCR', s.length, { ...real(s), optInTimePeriod: 1 }).outReal!.map(Math.log);
      const sd = ta('STDDEV', s.length - 1, { inReal: arr(r.subarray(1)), optInTimePeriod: 20, optInNbDev: 1 })
        .outReal!;
      const out = new Float64Array(s.length).fill(Number.NaN);
      out.set(sd, 1);
      return [out];
    },
  ],
];

const files = seriesFiles();

describe('kernels equal TA-Lib on every shared series', () => {
  it('finds the shared series', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });
  it('sees every candlestick pattern fire on the real data (so the pattern cases compare something)', () => {
    const names = PATTERN_NAMES;
    const series = files.map((f) => loadSeries(f));
    for (const name of names) {
      const hits = series.reduce(
        (sum, s) => sum + candlePattern(s, name).filter((x) => x !== 0 && !Number.isNaN(x)).length,
        0,
      );
      expect(hits, name).toBeGreaterThan(0);
    }
  });
  for (const file of files) {
    describe(file, () => {
      const s = loadSeries(file);
      it.each(CASES)('%s', (_label, ours, ref) => {
        const a = ours(s);
        const b = ref(s);
        expect(a.length).toBe(b.length);
        for (let k = 0; k < a.length; k++) {
          expect(warmup(a[k]!), `warm-up of output ${k}`).toBe(warmup(b[k]!));
          expect(maxRelError(a[k]!, b[k]!), `output ${k}`).toBeLessThanOrEqual(1e-9);
        }
      });
    });
  }
});
