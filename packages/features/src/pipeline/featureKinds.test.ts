import { sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { bollinger } from '../kernels/bollinger.js';
import { donchian } from '../kernels/donchian.js';
import { keltner } from '../kernels/keltner.js';
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
