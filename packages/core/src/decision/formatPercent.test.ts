import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent } from './formatPercent.js';

describe('formatPercent', () => {
  it('formats like toFixed on typical values', () => {
    expect(formatPercent(0.01234, 3)).toBe('1.234%');
    expect(formatPercent(-0.0005, 3)).toBe('-0.050%');
    expect(formatPercent(0.15)).toBe('15.00%');
    expect(formatPercent(0.7, 0)).toBe('70%');
    expect(formatPercent(-0.000001, 2)).toBe('0.00%');
    expect(formatPercent(Number.NaN)).toBe('NaN%');
    expect(formatPercent(12_345.678, 1)).toBe('1234567.8%');
  });

  it('agrees with toFixed to the last digit (ties may differ by one unit)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const ours = Number.parseFloat(formatPercent(x, d));
        const ref = Number.parseFloat((x * 100).toFixed(d));
        expect(Math.abs(ours - ref)).toBeLessThanOrEqual(10 ** -d * 1.000001);
      }),
    );
  });
});
