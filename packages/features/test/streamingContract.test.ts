/**
 * The shared indicator contract: every indicator runs through both forms,
 * the batch kernel and its streaming twin, on real series. The twin must
 * equal the kernel bit for bit (NaN where the kernel has NaN), report the
 * kernel's warm-up as `lookback`, turn `isStable` exactly there, and give the
 * same values when every candle is first added wrong and then `replace`d.
 */
import { type CandleSeries, candleAt, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';
import type { StreamingIndicator } from '../src/index.js';
import { loadSeries } from './helpers/loadSeries.js';
import { PATTERN_NAMES } from './helpers/patternNames.js';
import { warmup } from './helpers/talib.js';

type Stream = StreamingIndicator<never, unknown, object>;
interface Contract {
  name: string;
  batch: (s: CandleSeries) => Float64Array[];
  stream: () => Stream;
  input: (s: CandleSeries, i: number) => unknown;
  /** Output keys of the twin, in the batch kernel's order (none: a number). */
  keys?: string[];
}

const close = (s: CandleSeries, i: number) => s.close[i]!;
const candle = (s: CandleSeries, i: number) => candleAt(s, i);
const S = (x: unknown) => x as Stream;

const CONTRACTS: Contract[] = [
  { name: 'SMA(20)', batch: (s) => [F.sma(s.close, 20)], stream: () => S(new F.SMA(20)), input: close },
  { name: 'SMA(1)', batch: (s) => [F.sma(s.close, 1)], stream: () => S(new F.SMA(1)), input: close },
  { name: 'EMA(21)', batch: (s) => [F.ema(s.close, 21)], stream: () => S(new F.EMA(21)), input: close },
  { name: 'WMA(20)', batch: (s) => [F.wma(s.close, 20)], stream: () => S(new F.WMA(20)), input: close },
  { name: 'DEMA(20)', batch: (s) => [F.dema(s.close, 20)], stream: () => S(new F.DEMA(20)), input: close },
  { name: 'TEMA(10)', batch: (s) => [F.tema(s.close, 10)], stream: () => S(new F.TEMA(10)), input: close },
  { name: 'RSI(14)', batch: (s) => [F.rsi(s.close, 14)], stream: () => S(new F.RSI(14)), input: close },
  {
    name: 'MACD(12,26,9)',
    batch: (s) => Object.values(F.macd(s.close, 12, 26, 9)),
    stream: () => S(new F.MACD(12, 26, 9)),
    input: close,
    keys: ['macd', 'signal', 'histogram'],
  },
  {
    name: 'Bollinger(20,2)',
    batch: (s) => Object.values(F.bollinger(s.close, 20, 2)),
    stream: () => S(new F.Bollinger(20, 2)),
    input: close,
    keys: ['upper', 'middle', 'lower'],
  },
  { name: 'StdDev(20)', batch: (s) => [F.stddev(s.close, 20)], stream: () => S(new F.StdDev(20)), input: close },
  { name: 'ATR(14)', batch: (s) => [F.atr(s.high, s.low, s.close, 14)], stream: () => S(new F.ATR(14)), input: candle },
  { name: 'ATR(1)', batch: (s) => [F.atr(s.high, s.low, s.close, 1)], stream: () => S(new F.ATR(1)), input: candle },
  {
    name: 'NATR(14)',
    batch: (s) => [F.natr(s.high, s.low, s.close, 14)],
    stream: () => S(new F.NATR(14)),
    input: candle,
  },
  { name: 'NATR(1)', batch: (s) => [F.natr(s.high, s.low, s.close, 1)], stream: () => S(new F.NATR(1)), input: candle },
  {
    name: 'Stochastic(14,3,3)',
    batch: (s) => Object.values(F.stochastic(s.high, s.low, s.close, 14, 3, 3)),
    stream: () => S(new F.Stochastic(14, 3, 3)),
    input: candle,
    keys: ['k', 'd'],
  },
  {
    name: 'StochRSI(14,14,3)',
    batch: (s) => Object.values(F.stochRsi(s.close, 14, 14, 3)),
    stream: () => S(new F.StochRSI(14, 14, 3)),
    input: close,
    keys: ['k', 'd'],
  },
  {
    name: 'WillR(14)',
    batch: (s) => [F.willr(s.high, s.low, s.close, 14)],
    stream: () => S(new F.WillR(14)),
    input: candle,
  },
  {
    name: 'ADX(14)',
    batch: (s) => Object.values(F.adx(s.high, s.low, s.close, 14)),
    stream: () => S(new F.ADX(14)),
    input: candle,
    keys: ['adx', 'plusDI', 'minusDI'],
  },
  { name: 'CCI(20)', batch: (s) => [F.cci(s.high, s.low, s.close, 20)], stream: () => S(new F.CCI(20)), input: candle },
  {
    name: 'Aroon(25)',
    batch: (s) => Object.values(F.aroon(s.high, s.low, 25)),
    stream: () => S(new F.Aroon(25)),
    input: candle,
    keys: ['up', 'down'],
  },
  { name: 'OBV', batch: (s) => [F.obv(s.close, s.volume)], stream: () => S(new F.OBV()), input: candle },
  {
    name: 'MFI(14)',
    batch: (s) => [F.mfi(s.high, s.low, s.close, s.volume, 14)],
    stream: () => S(new F.MFI(14)),
    input: candle,
  },
  { name: 'ROC(10)', batch: (s) => [F.roc(s.close, 10)], stream: () => S(new F.ROC(10)), input: close },
  { name: 'MOM(10)', batch: (s) => [F.mom(s.close, 10)], stream: () => S(new F.MOM(10)), input: close },
  {
    name: 'Keltner(20,2,10)',
    batch: (s) => Object.values(F.keltner(s.high, s.low, s.close, 20, 2, 10)),
    stream: () => S(new F.Keltner(20, 2, 10)),
    input: candle,
    keys: ['upper', 'middle', 'lower'],
  },
  {
    name: 'Donchian(20)',
    batch: (s) => Object.values(F.donchian(s.high, s.low, 20)),
    stream: () => S(new F.Donchian(20)),
    input: candle,
    keys: ['upper', 'middle', 'lower'],
  },
  {
    name: 'VWAP(20)',
    batch: (s) => [F.vwap(s.high, s.low, s.close, s.volume, 20)],
    stream: () => S(new F.VWAP(20)),
    input: candle,
  },
  {
    name: 'CMF(20)',
    batch: (s) => [F.cmf(s.high, s.low, s.close, s.volume, 20)],
    stream: () => S(new F.CMF(20)),
    input: candle,
  },
  { name: 'LogReturn(3)', batch: (s) => [F.logReturns(s.close, 3)], stream: () => S(new F.LogReturn(3)), input: close },
  {
    name: 'RollingVolatility(20)',
    batch: (s) => [F.rollingVolatility(s.close, 20)],
    stream: () => S(new F.RollingVolatility(20)),
    input: close,
  },
  ...PATTERN_NAMES.map(
    (name): Contract => ({
      name: `CandlePattern(${name})`,
      batch: (s) => [F.candlePattern(s, name)],
      stream: () => S(new F.CandlePattern(name)),
      input: candle,
    }),
  ),
];

const outputs = (c: Contract, v: unknown): number[] =>
  c.keys ? c.keys.map((k) => (v as Record<string, number>)[k]!) : [v as number];

const SERIES = ['ETH_BTC-5m.json', 'NXT_BTC-5m.json', 'GAPPY_BTC-1m.json'];

describe.each(SERIES)('streaming twins equal their batch kernels on %s', (file) => {
  const s = loadSeries(file);
  it.each(CONTRACTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const batch = c.batch(s);
    const added = c.stream();
    const replaced = c.stream();
    expect(added.lookback).toBe(Math.max(...batch.map(warmup)));
    const wrong = c.input(s, 0);
    for (let i = 0; i < s.length; i++) {
      const input = c.input(s, i) as never;
      const a = outputs(c, added.add(input));
      replaced.add((i > 0 ? c.input(s, i - 1) : wrong) as never);
      const r = outputs(c, replaced.replace(input));
      if (added.isStable !== i >= added.lookback) expect.fail(`${c.name} isStable at row ${i}`);
      for (let k = 0; k < batch.length; k++) {
        const want = batch[k]![i]!;
        if (!Object.is(a[k], want) || !Object.is(r[k], want)) {
          expect.fail(`${c.name} output ${k} at row ${i}: batch ${want}, add ${a[k]}, replace ${r[k]}`);
        }
      }
    }
    expect(outputs(c, added.value)).toEqual(batch.map((b) => b[s.length - 1]));
  });
});

describe('streaming twins refuse bad use', () => {
  it('rejects bad periods with INVALID_ARGUMENT quoting them', () => {
    for (const make of [() => new F.RSI(1), () => new F.SMA(0), () => new F.MACD(12, 26, 0), () => new F.CCI(2.5)]) {
      try {
        make();
        expect.unreachable();
      } catch (e) {
        expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
        expect((e as Error).message).toMatch(/got (1|0|2\.5)$/);
      }
    }
  });
  it('refuses replace before add', () => {
    expect(() => new F.EMA(5).replace(1)).toThrow(/EMA\.replace\(\) needs a previous add/);
  });
});
