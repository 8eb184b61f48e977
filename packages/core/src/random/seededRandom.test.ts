import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom.js';

describe('seededRandom', () => {
  it('is mulberry32: the reference sequence for seed 42', () => {
    // Reference: the C original (Tommy Ettinger's mulberry32) with state 42, printed with %.17g and divided by 2^32.
    const rand = seededRandom(42);
    const first = [rand(), rand(), rand()];
    expect(first).toEqual([0.60110375192016363, 0.44829055899754167, 0.85246579349040985]);
    expect(seededRandom(42)()).toBe(first[0]);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });

  it('is roughly uniform', () => {
    const rand = seededRandom(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(rand() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(400);
  });

  it('rejects seeds that are not integers', () => {
    expect(() => seededRandom(1.5)).toThrowError('seed must be an integer, got 1.5');
    expect(() => seededRandom(Number.NaN)).toThrowError(/got NaN/);
  });
});
