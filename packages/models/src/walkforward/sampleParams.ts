import { InvalidArgumentError } from '@sextant/core';

/** A numeric range to draw a hyperparameter from. */
export interface ParamRange {
  /** Lower bound (inclusive). */
  min: number;
  /** Upper bound (inclusive for integers, exclusive for floats). */
  max: number;
  /** Draw uniformly in log space (learning rates, regularisation). @default false */
  log?: boolean;
  /** Round to an integer (depths, counts). @default false */
  integer?: boolean;
}

/** Hyperparameter search space: a list of choices or a numeric range per name. */
export type ParamSpace = Readonly<Record<string, readonly (string | number | boolean)[] | ParamRange>>;

/**
 * Draw one set of hyperparameters from a search space with a seeded random
 * source (random search, Bergstra & Bengio 2012).
 *
 * @param space - choices or ranges per parameter
 * @param rand - a random source in [0, 1), e.g. `seededRandom` from `@sextant/core`
 * @returns one value per parameter name
 * @throws InvalidArgumentError on an empty choice list, or a range with `min > max` or a non-positive log bound
 * @example
 * ```ts
 * import { seededRandom } from '@sextant/core';
 * import { sampleParams } from '@sextant/models';
 * sampleParams({ maxDepth: { min: 2, max: 8, integer: true }, lambda: [0, 1, 10] }, seededRandom(1));
 * ```
 */
export function sampleParams(space: ParamSpace, rand: () => number): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, spec] of Object.entries(space)) {
    if (Array.isArray(spec)) {
      if (spec.length === 0) throw new InvalidArgumentError(`Search space "${name}" has no choices`);
      out[name] = spec[Math.min(spec.length - 1, Math.floor(rand() * spec.length))]!;
      continue;
    }
    const { min, max, log = false, integer = false } = spec as ParamRange;
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new InvalidArgumentError(`Search range "${name}" must have finite min <= max, got ${min}..${max}`);
    }
    if (log && min <= 0) throw new InvalidArgumentError(`Log search range "${name}" needs min > 0, got ${min}`);
    if (integer) {
      const lo = Math.ceil(min);
      const hi = Math.floor(max);
      out[name] = log
        ? Math.min(hi, Math.floor(Math.exp(Math.log(lo) + rand() * (Math.log(hi + 1) - Math.log(lo)))))
        : lo + Math.floor(rand() * (hi - lo + 1));
    } else {
      out[name] = log ? Math.exp(Math.log(min) + rand() * (Math.log(max) - Math.log(min))) : min + rand() * (max - min);
    }
  }
  return out;
}
