/**
 * A seeded pseudo-random generator (mulberry32) returning floats in [0, 1).
 * Same seed, same sequence, on every platform.
 *
 * @param seed - any integer
 * @returns a function drawing the next number
 * @example
 * ```ts
 * import { createRng } from '@sextant/models';
 * const rand = createRng(42);
 * rand(); // 0.6011037519201636 every time
 * ```
 */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
