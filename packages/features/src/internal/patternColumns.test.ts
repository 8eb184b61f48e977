import { sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { candlePattern } from '../kernels/candlePattern.js';
import { scaleFree } from '../pipeline/scaleFree.js';
import { patternColumns } from './patternColumns.js';

// The default frame's fused pattern columns must equal the public kernel they
// replace, bit for bit, on every shared real series (candlePattern itself is
// pinned to TA-Lib in test/talibExactness.test.ts).
describe('patternColumns equals candlePattern * 0.01', () => {
  const names = ['engulfing', 'doji', 'hammer', 'shootingStar'] as const;
  for (const file of seriesFiles()) {
    it(file, () => {
      const s = loadSeries(file);
      const fused = patternColumns(s.open, s.high, s.low, s.close);
      names.forEach((name, k) => {
        expect(Array.from(fused[k]!), name).toEqual(Array.from(scaleFree.scale(candlePattern(s, name), 0.01)));
      });
    });
  }
  it('handles series shorter than the warm-up', () => {
    const s = sliceSeries(loadSeries(seriesFiles()[0]!), 0, 5);
    const fused = patternColumns(s.open, s.high, s.low, s.close);
    names.forEach((name, k) => {
      expect(Array.from(fused[k]!), name).toEqual(Array.from(scaleFree.scale(candlePattern(s, name), 0.01)));
    });
    expect(Array.from(fused[1]!).every(Number.isNaN)).toBe(true);
  });
});
