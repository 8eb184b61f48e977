import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingWindow } from './RollingWindow.js';

describe('RollingWindow', () => {
  it('matches a naive recomputation of the window mean and the recent mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (cap, recent, xs) => {
          const w = new RollingWindow(cap, recent);
          xs.forEach((x, i) => {
            w.push(x);
            const all = xs.slice(Math.max(0, i + 1 - cap), i + 1);
            const last = all.slice(-Math.min(recent, cap));
            expect(w.length).toBe(all.length);
            expect(w.mean()).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 9);
            expect(w.recentMean()).toBeCloseTo(last.reduce((a, b) => a + b, 0) / last.length, 9);
          });
        },
      ),
    );
  });
});
