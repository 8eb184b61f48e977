import { InvalidArgumentError } from '@sextant/core';

/**
 * A seeded pseudo-random generator (mulberry32, 32-bit state): the same seed
 * always gives the same sequence, on every platform.
 *
 * @param seed - any integer (taken modulo 2^32)
 * @returns a function returning floats in [0, 1)
 * @throws InvalidArgumentError when the seed is not a finite integer
 * @example
 * ```ts
 * import { seededRandom } from '@sextant/models';
 * const rand = seededRandom(42);
 * rand(); // same value on every run
 * ```
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new InvalidArgumentError(`seed must be an integer, got ${seed}`);
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
