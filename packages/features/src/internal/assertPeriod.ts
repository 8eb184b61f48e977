import { InvalidArgumentError } from '@sextant/core';

/**
 * Throws unless `value` is an integer >= `min` (and <= 100,000, TA-Lib's cap).
 * Internal to the kernels: every kernel checks its periods at the boundary.
 */
export function assertPeriod(fn: string, param: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min || value > 100_000) {
    throw new InvalidArgumentError(
      `${fn}: ${param} must be an integer from ${min} to 100000, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
      { details: { fn, param, value: String(value) } },
    );
  }
}

/** Throws unless every array has the length of the first. */
export function assertSameLength(fn: string, arrays: Record<string, ArrayLike<number>>): number {
  let n = -1;
  let first = '';
  for (const [name, a] of Object.entries(arrays)) {
    if (n < 0) {
      n = a.length;
      first = name;
    } else if (a.length !== n) {
      throw new InvalidArgumentError(`${fn}: "${name}" has ${a.length} values but "${first}" has ${n}`, {
        details: { fn },
      });
    }
  }
  return n;
}

/** Throws unless `value` is a finite number (multipliers, thresholds). */
export function assertFinite(fn: string, param: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`${fn}: ${param} must be a finite number, got ${String(value)}`, {
      details: { fn, param, value: String(value) },
    });
  }
}
