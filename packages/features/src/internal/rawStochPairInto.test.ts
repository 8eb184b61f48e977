import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { stochastic } from '../kernels/stochastic.js';
import { willr } from '../kernels/willr.js';
import { FeaturePipeline } from '../pipeline/FeaturePipeline.js';
import { scaleFree } from '../pipeline/scaleFree.js';
import { nanArray } from './nanArray.js';
import { rawStochInto } from './rawStochInto.js';
import { rawStochPairInto } from './rawStochPairInto.js';

// The pipeline computes fast %K and Williams %R of one period in one pass;
// each output must equal rawStochInto's (pinned to TA-Lib through stochastic
// and willr in test/talibExactness.test.ts) bit for bit.
describe('rawStochPairInto equals rawStochInto for both outputs', () => {
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      for (const period of [1, 2, 14, 30]) {
        const n = s.length;
        const [k, r, k1, r1] = [0, 1, 2, 3].map(() => nanArray(n, period - 1)) as [
          Float64Array,
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        rawStochPairInto(s.high, s.low, s.close, period, k, r);
        rawStochInto(s.high, s.low, s.close, period, k1);
        rawStochInto(s.high, s.low, s.close, period, r1, true);
        expect(Array.from(k), `%K ${period}`).toEqual(Array.from(k1));
        expect(Array.from(r), `%R ${period}`).toEqual(Array.from(r1));
      }
    });
  }

  it('gives 0 for both on a zero-width range', () => {
    const flat = new Float64Array(6).fill(5);
    const [k, r] = [nanArray(6, 2), nanArray(6, 2)];
    rawStochPairInto(flat, flat, flat, 3, k, r);
    expect(Array.from(k)).toEqual([Number.NaN, Number.NaN, 0, 0, 0, 0]);
    expect(Array.from(r)).toEqual([Number.NaN, Number.NaN, 0, 0, 0, 0]);
  });
});

describe('pipeline stochastic and Williams %R columns equal the public kernels', () => {
  const s = loadSeries(seriesFiles()[0]!);
  const columnsOf = (spec: ConstructorParameters<typeof FeaturePipeline>[0]) => {
    const p = new FeaturePipeline(spec);
    const { columns } = p.computeColumns(s);
    return Object.fromEntries(p.names.map((name, i) => [name, Array.from(columns[i]!)]));
  };
  const expected = (kPeriod: number, wPeriod: number) => {
    const st = stochastic(s.high, s.low, s.close, kPeriod, 3, 3);
    return {
      k: Array.from(scaleFree.scale(st.k, 0.01)),
      d: Array.from(scaleFree.scale(st.d, 0.01)),
      w: Array.from(scaleFree.scale(willr(s.high, s.low, s.close, wPeriod), 0.01)),
    };
  };

  it.each([
    ['same period, stochastic first', 14, 14, false],
    ['same period, willr first', 14, 14, true],
    ['different periods', 14, 9, false],
  ])('%s', (_label, kPeriod, wPeriod, willrFirst) => {
    const st = { kind: 'stochastic', kPeriod, kSmooth: 3, dPeriod: 3 } as const;
    const wr = { kind: 'willr', period: wPeriod } as const;
    const cols = columnsOf({ features: willrFirst ? [wr, st] : [st, wr] });
    const want = expected(kPeriod, wPeriod);
    expect(cols[`stoch_k_${kPeriod}_3_3`]).toEqual(want.k);
    expect(cols[`stoch_d_${kPeriod}_3_3`]).toEqual(want.d);
    expect(cols[`willr_${wPeriod}`]).toEqual(want.w);
  });
});
