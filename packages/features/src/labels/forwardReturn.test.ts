import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { forwardReturn } from './forwardReturn.js';

describe('forwardReturn', () => {
  it('is close[i + h] / close[i] - 1 with the last h entries NaN', () => {
    const r = forwardReturn(Float64Array.from([100, 110, 99, 120]), 2);
    expect(r[0]).toBeCloseTo(-0.01, 15);
    expect(r[1]).toBeCloseTo(120 / 110 - 1, 15);
    expect(Number.isNaN(r[2]!) && Number.isNaN(r[3]!)).toBe(true);
  });
  it('is all NaN when the horizon is longer than the data', () => {
    expect(Array.from(forwardReturn(Float64Array.from([1, 2]), 5)).every(Number.isNaN)).toBe(true);
  });
  it('rejects a horizon that is not a positive integer, quoting it', () => {
    for (const h of [0, -1, 1.5, Number.NaN]) {
      try {
        forwardReturn(new Float64Array(3), h);
        expect.unreachable();
      } catch (e) {
        expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
        expect((e as Error).message).toContain(String(h));
      }
    }
  });
});
