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

  it('never keeps the rounding residue of a spike that left the window (no negative mean of values >= 0)', () => {
    // Squared log returns of closes 1, 3.716..., 1.0000000000000004, 1, 1: the spike's residue once made
    // recentMean() -1e-17 and the adaptive volatility sqrt(-1e-17) = NaN (found by the DecisionPolicy contract).
    const closes = [1, 3.7162319354615296, 1.0000000000000004, 1, 1, 1];
    const w = new RollingWindow(10, 3);
    const squared: number[] = [];
    for (let i = 1; i < closes.length; i++) {
      squared.push(Math.log((closes[i] as number) / (closes[i - 1] as number)) ** 2);
      w.push(squared[squared.length - 1] as number);
      expect(w.recentMean()).toBeGreaterThanOrEqual(0);
      expect(w.mean()).toBeGreaterThanOrEqual(0);
    }
    // What is left is the true mean of the last three (tiny, from the 4e-16 step), not the residue.
    expect(w.recentMean()).toBe(squared.slice(-3).reduce((a, b) => a + b, 0) / 3);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 200 }),
        (xs) => {
          const v = new RollingWindow(7, 3);
          for (const x of xs) {
            v.push(x);
            expect(v.recentMean()).toBeGreaterThanOrEqual(0);
            expect(v.mean()).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
