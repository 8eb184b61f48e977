import { seededRandom } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { logRatio } from './logRatio.js';

describe('logRatio', () => {
  it('is within 4 ulps of Math.log(a / b) near 1 and equal to it farther away', () => {
    const rand = seededRandom(11);
    let worst = 0;
    for (let k = 0; k < 200_000; k++) {
      // Ratios from 1 - 0.2 to 1 + 0.2, densest near 1 (bar-to-bar returns).
      const step = (rand() - 0.5) * 0.4 * rand() ** 3;
      const b = 0.001 + rand() * 1000;
      const a = b * (1 + step);
      const ref = Math.log(a / b);
      const got = logRatio(a, b);
      if (ref === 0) expect(got).toBe(0);
      else worst = Math.max(worst, Math.abs(got - ref) / Math.abs(ref));
      if (Math.abs(a / b - 1) >= 0.0625) expect(got).toBe(ref);
    }
    expect(worst).toBeLessThan(4 * Number.EPSILON);
  });

  it('follows Math.log on the edges: 1, 0, negative, NaN and infinite ratios', () => {
    expect(logRatio(5, 5)).toBe(0);
    expect(logRatio(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(logRatio(5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(logRatio(-1, 5)).toBeNaN();
    expect(logRatio(Number.NaN, 5)).toBeNaN();
    expect(logRatio(5, Number.NaN)).toBeNaN();
    const tiny = Math.log1p(2 ** -52);
    expect(Math.abs(logRatio(1 + 2 ** -52, 1) - tiny) / tiny).toBeLessThan(4 * Number.EPSILON);
  });
});
