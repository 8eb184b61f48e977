import { sliceSeries } from '@sextant/core';
import { afterEach, describe, expect, it } from 'vitest';
import { column, poisonColumns } from '../src/internal/column.js';
import { DEFAULT_FEATURES, type FeatureDefInput } from '../src/pipeline/FeaturePipelineConfigSchema.js';
import { FeaturePipeline } from '../src/pipeline/FeaturePipeline.js';
import { loadSeries, seriesFiles } from './helpers/loadSeries.js';

// Pipeline columns are allocated without zeroing (internal/column.ts), so
// every entry must be written by its feature kind. New columns are filled
// with a marker first; no marker may survive in any column, for every kind,
// on long series and on series around each warm-up.
const MARKER = 1.2345678901234567e300;

const EVERY_KIND: FeatureDefInput[] = [
  ...DEFAULT_FEATURES,
  { kind: 'ma', type: 'wma', period: 5 },
  { kind: 'ma', type: 'dema', period: 5 },
  { kind: 'ma', type: 'tema', period: 5 },
  { kind: 'stochRsi', period: 5, kPeriod: 3, dPeriod: 2 },
  { kind: 'stochastic', kPeriod: 1, kSmooth: 1, dPeriod: 1 },
  { kind: 'stochastic', kPeriod: 5, kSmooth: 4, dPeriod: 2 },
  { kind: 'willr', period: 5 },
  { kind: 'atr', period: 1 },
  { kind: 'keltner', period: 5, multiplier: 1, atrPeriod: 1 },
  { kind: 'keltner', period: 3, multiplier: 1, atrPeriod: 9 },
  { kind: 'macd', fast: 26, slow: 12, signal: 9 },
  { kind: 'cci', period: 2 },
  { kind: 'cci', period: 3 },
];

describe('every feature column is written in full', () => {
  afterEach(() => poisonColumns(undefined));

  const check = (p: FeaturePipeline, s: ReturnType<typeof loadSeries>, label: string) => {
    poisonColumns(MARKER);
    const { columns } = p.computeColumns(s);
    poisonColumns(undefined);
    for (const [c, col] of columns.entries()) {
      const at = col.indexOf(MARKER);
      if (at !== -1) expect.fail(`${label}: ${p.names[c]} row ${at} was never written (length ${col.length})`);
    }
  };

  it('on every shared series', () => {
    const p = new FeaturePipeline({ features: EVERY_KIND, expand: { shifts: 2 } });
    for (const file of seriesFiles()) check(p, loadSeries(file), file);
  });

  it('on series around every warm-up length', () => {
    const s = loadSeries(seriesFiles()[0]!);
    const p = new FeaturePipeline({ features: EVERY_KIND, expand: { shifts: 1 } });
    for (let n = 0; n <= 60; n++) check(p, sliceSeries(s, 0, n), `length ${n}`);
    for (const n of [198, 199, 200, 201, 202]) check(p, sliceSeries(s, 0, n), `length ${n}`);
  });

  it('the marker does show in a column left unwritten', () => {
    poisonColumns(MARKER);
    expect(Array.from(column(4, 1))).toEqual([Number.NaN, MARKER, MARKER, MARKER]);
  });
});
