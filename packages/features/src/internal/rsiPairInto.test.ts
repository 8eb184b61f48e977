import { sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { rsi, rsiInto } from '../kernels/rsi.js';
import { FeaturePipeline } from '../pipeline/FeaturePipeline.js';
import { FEATURE_KINDS, planShared, releaseShared } from '../pipeline/featureKinds.js';
import { scaleFree } from '../pipeline/scaleFree.js';
import { nanArray } from './nanArray.js';
import { rsiPairInto } from './rsiPairInto.js';

// The pipeline computes two RSI periods of one spec in one pass; each output
// must equal rsiInto's (pinned to TA-Lib through rsi in
// test/talibExactness.test.ts) bit for bit.
describe('rsiPairInto equals rsiInto for both periods', () => {
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      const n = s.length;
      for (const [a, b] of [
        [2, 3],
        [7, 14],
        [14, 30],
        [5, 200],
      ] as const) {
        const [pa, pb, ea, eb] = [a, b, a, b].map((p) => nanArray(n, p)) as [
          Float64Array,
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        rsiPairInto(s.close, a, pa, b, pb, 0.01);
        rsiInto(s.close, a, ea, 0.01);
        rsiInto(s.close, b, eb, 0.01);
        expect(Array.from(pa), `rsi ${a} of (${a}, ${b})`).toEqual(Array.from(ea));
        expect(Array.from(pb), `rsi ${b} of (${a}, ${b})`).toEqual(Array.from(eb));
      }
    });
  }

  it('gives 0 for both on a flat series', () => {
    const flat = new Float64Array(6).fill(5);
    const [a, b] = [nanArray(6, 2), nanArray(6, 3)];
    rsiPairInto(flat, 2, a, 3, b, 1);
    expect(Array.from(a)).toEqual([Number.NaN, Number.NaN, 0, 0, 0, 0]);
    expect(Array.from(b)).toEqual([Number.NaN, Number.NaN, Number.NaN, 0, 0, 0]);
  });
});

describe('pipeline RSI columns equal the public kernel', () => {
  const s = loadSeries(seriesFiles()[0]!);
  const expected = (period: number) => Array.from(scaleFree.scale(rsi(s.close, period), 0.01));

  it.each([[[7, 14]], [[14, 7]], [[5, 9, 21]], [[14]]])('periods %j', (periods) => {
    const p = new FeaturePipeline({ features: periods.map((period) => ({ kind: 'rsi' as const, period })) });
    const { columns } = p.computeColumns(s);
    periods.forEach((period, i) => {
      expect(Array.from(columns[i]!), `column ${i} (rsi ${period})`).toEqual(expected(period));
    });
  });

  // The pipeline drops repeated definitions; the kind still pairs correctly when asked twice.
  it.each([[[14, 14]], [[7, 14, 7, 14]], [[7, 7, 14, 14]], [[14, 7, 7]]])('kind asked for periods %j', (periods) => {
    planShared(
      s,
      periods.map((period) => ({ kind: 'rsi', period })),
    );
    try {
      periods.forEach((period, i) => {
        const [col] = FEATURE_KINDS.rsi.compute(s, { period });
        expect(Array.from(col!), `call ${i} (rsi ${period})`).toEqual(expected(period));
      });
    } finally {
      releaseShared(s);
    }
  });

  it('keeps a short series all NaN where the longer period has no value', () => {
    const short = sliceSeries(s, 0, 10);
    const p = new FeaturePipeline({
      features: [
        { kind: 'rsi', period: 5 },
        { kind: 'rsi', period: 14 },
      ],
    });
    const { columns } = p.computeColumns(short);
    expect(Array.from(columns[0]!)).toEqual(Array.from(scaleFree.scale(rsi(short.close, 5), 0.01)));
    expect(Array.from(columns[1]!)).toEqual(Array.from(scaleFree.scale(rsi(short.close, 14), 0.01)));
  });
});
