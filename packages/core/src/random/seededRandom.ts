import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * A seeded pseudo-random generator (mulberry32, 32-bit state): the same seed
 * gives the same sequence on every platform, so training, walk-forward
 * searches, fault scripts and synthetic bench data are reproducible.
 *
 * @param seed - any integer (taken modulo 2^32)
 * @returns a function returning floats in [0, 1)
 * @throws InvalidArgumentError when the seed is not an integer
 * @example
 * ```ts
 * import { seededRandom } from '@sextant/core';
 * const rand = seededRandom(42);
 * rand(); // 0.6011037519201636, on every run
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
