/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every machine, so fault scripts, synthetic order books and
 * benches are reproducible.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning floats in [0, 1)
 * @example
 * ```ts
 * import { seededRandom } from '@sextant/collectors/testing';
 * const rand = seededRandom(42);
 * rand(); // same value on every run
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
