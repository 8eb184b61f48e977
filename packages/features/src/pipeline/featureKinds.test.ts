import { sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { adx } from '../kernels/adx.js';
import { aroon } from '../kernels/aroon.js';
import { bollinger } from '../kernels/bollinger.js';
import { cci } from '../kernels/cci.js';
import { donchian } from '../kernels/donchian.js';
import { ema } from '../kernels/ema.js';
import { keltner } from '../kernels/keltner.js';
import { macd } from '../kernels/macd.js';
import { mfi } from '../kernels/mfi.js';
import { natr } from '../kernels/natr.js';
import { obv } from '../kernels/obv.js';
import { roc } from '../kernels/roc.js';
import { rsi } from '../kernels/rsi.js';
import { sma } from '../kernels/sma.js';
import { stddev } from '../kernels/stddev.js';
import { stochastic } from '../kernels/stochastic.js';
import { vwap } from '../kernels/vwap.js';
import { willr } from '../kernels/willr.js';
import type { FeatureDefInput } from './FeaturePipelineConfigSchema.js';
import { FeaturePipeline } from './FeaturePipeline.js';
import { scaleFree } from './scaleFree.js';

// Feature kinds that fuse a kernel with its scale-free transform (writing into
// the output columns, no temporaries) must equal the plain composition of the
// public kernel and scaleFree, bit for bit, on every shared real series.
describe('fused feature kinds equal kernel + scaleFree', () => {
  const columns = (s: ReturnType<typeof loadSeries>, features: ConstructorParameters<typeof FeaturePipeline>[0]) =>
    new FeaturePipeline(features).computeColumns(s).columns.map((c) => Array.from(c));
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      const d = donchian(s.high, s.low, 20);
      expect(columns(s, { features: [{ kind: 'donchian', period: 20 }] }), 'donchian').toEqual([
        Array.from(scaleFree.position(s.close, d.lower, d.upper)),
        Array.from(scaleFree.width(d.lower, d.upper, d.middle)),
      ]);
      const b = bollinger(s.close, 20, 2);
      expect(columns(s, { features: [{ kind: 'bollinger', period: 20, stdDev: 2 }] }), 'bollinger').toEqual([
        Array.from(scaleFree.position(s.close, b.lower, b.upper)),
        Array.from(scaleFree.width(b.lower, b.upper, b.middle)),
      ]);
      const k = keltner(s.high, s.low, s.close, 20, 2, 10);
      expect(
        columns(s, { features: [{ kind: 'keltner', period: 20, multiplier: 2, atrPeriod: 10 }] }),
        'keltner',
      ).toEqual([Array.from(scaleFree.position(s.close, k.lower, k.upper))]);
      // ATR(1) (TA-Lib's raw true range) and an ATR window longer than the EMA's.
      for (const [period, atrPeriod] of [
        [20, 1],
        [5, 30],
        [2, 2],
      ] as const) {
        const kk = keltner(s.high, s.low, s.close, period, 1.5, atrPeriod);
        expect(
          columns(s, { features: [{ kind: 'keltner', period, multiplier: 1.5, atrPeriod }] }),
          `keltner(${period}, 1.5, ${atrPeriod})`,
        ).toEqual([Array.from(scaleFree.position(s.close, kk.lower, kk.upper))]);
      }
    });
  }
  it('keltner on a series shorter than its ATR warm-up is all NaN, like the kernel', () => {
    const s = sliceSeries(loadSeries(seriesFiles()[0]!), 0, 8);
    const k = keltner(s.high, s.low, s.close, 3, 2, 10);
    const [pos] = columns(s, { features: [{ kind: 'keltner', period: 3, multiplier: 2, atrPeriod: 10 }] });
    expect(pos).toEqual(Array.from(scaleFree.position(s.close, k.lower, k.upper)));
    expect(pos?.every(Number.isNaN)).toBe(true);
  });
});

// Kinds whose scale or ratio is applied as each value is written (or whose
// average is never stored) against the public kernel followed by scaleFree.
describe('kinds with the scale-free step fused into the kernel equal kernel + scaleFree', () => {
  type S = ReturnType<typeof loadSeries>;
  const pct = (x: Float64Array) => scaleFree.scale(x, 0.01);
  const cases: [FeatureDefInput, (s: S) => Float64Array[]][] = [
    [{ kind: 'ma', type: 'sma', period: 2 }, (s) => [scaleFree.relative(s.close, sma(s.close, 2))]],
    [{ kind: 'ma', type: 'sma', period: 50 }, (s) => [scaleFree.relative(s.close, sma(s.close, 50))]],
    [{ kind: 'ma', type: 'ema', period: 2 }, (s) => [scaleFree.relative(s.close, ema(s.close, 2))]],
    [{ kind: 'ma', type: 'ema', period: 200 }, (s) => [scaleFree.relative(s.close, ema(s.close, 200))]],
    [{ kind: 'volumeRatio', period: 20 }, (s) => [scaleFree.divide(s.volume, sma(s.volume, 20))]],
    [{ kind: 'rsi', period: 7 }, (s) => [pct(rsi(s.close, 7))]],
    ...(
      [
        [14, 3, 3],
        [5, 1, 1],
        [1, 4, 2],
      ] as const
    ).map(([kPeriod, kSmooth, dPeriod]): [FeatureDefInput, (s: S) => Float64Array[]] => [
      { kind: 'stochastic', kPeriod, kSmooth, dPeriod },
      (s) => {
        const r = stochastic(s.high, s.low, s.close, kPeriod, kSmooth, dPeriod);
        return [pct(r.k), pct(r.d)];
      },
    ]),
    [
      { kind: 'keltner', period: 20, multiplier: 2, atrPeriod: 10 },
      (s) => {
        const k = keltner(s.high, s.low, s.close, 20, 2, 10);
        return [scaleFree.position(s.close, k.lower, k.upper)];
      },
    ],
    [{ kind: 'atr', period: 1 }, (s) => [pct(natr(s.high, s.low, s.close, 1))]],
    [{ kind: 'atr', period: 14 }, (s) => [pct(natr(s.high, s.low, s.close, 14))]],
    [
      { kind: 'adx', period: 14 },
      (s) => {
        const r = adx(s.high, s.low, s.close, 14);
        return [pct(r.adx), pct(r.plusDI), pct(r.minusDI)];
      },
    ],
    [
      { kind: 'aroon', period: 25 },
      (s) => {
        const r = aroon(s.high, s.low, 25);
        return [pct(r.up), pct(r.down)];
      },
    ],
    [{ kind: 'cci', period: 20 }, (s) => [pct(cci(s.high, s.low, s.close, 20))]],
    [{ kind: 'mfi', period: 14 }, (s) => [pct(mfi(s.high, s.low, s.close, s.volume, 14))]],
    [{ kind: 'willr', period: 14 }, (s) => [pct(willr(s.high, s.low, s.close, 14))]],
    [{ kind: 'roc', period: 10 }, (s) => [pct(roc(s.close, 10))]],
    ...(
      [
        [12, 26, 9],
        [26, 12, 9],
        [5, 5, 2],
      ] as const
    ).map(([fast, slow, signal]): [FeatureDefInput, (s: S) => Float64Array[]] => [
      { kind: 'macd', fast, slow, signal },
      (s) => {
        const m = macd(s.close, fast, slow, signal);
        return [m.macd, m.signal, m.histogram].map((x) => scaleFree.divide(x, s.close));
      },
    ]),
    [{ kind: 'stddev', period: 20 }, (s) => [scaleFree.divide(stddev(s.close, 20), s.close)]],
    [{ kind: 'vwap', period: 20 }, (s) => [scaleFree.relative(s.close, vwap(s.high, s.low, s.close, s.volume, 20))]],
    [{ kind: 'obvSlope', period: 20 }, (s) => [scaleFree.obvSlope(obv(s.close, s.volume), s.volume, 20)]],
  ];
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      for (const [def, want] of cases) {
        const got = new FeaturePipeline({ features: [def] }).computeColumns(s).columns.map((c) => Array.from(c));
        expect(got, JSON.stringify(def)).toEqual(want(s).map((c) => Array.from(c)));
      }
    });
  }
  it('stays all NaN on a series shorter than the warm-up', () => {
    const s = sliceSeries(loadSeries(seriesFiles()[0]!), 0, 5);
    for (const [def, want] of cases) {
      const got = new FeaturePipeline({ features: [def] }).computeColumns(s).columns.map((c) => Array.from(c));
      expect(got, JSON.stringify(def)).toEqual(want(s).map((c) => Array.from(c)));
    }
  });
});
