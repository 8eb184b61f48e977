import { InvalidArgumentError } from '@sextant/core';
import { Decimal } from 'decimal.js';

/**
 * Throw unless `v` is a finite number.
 *
 * @internal
 */
export function finite(v: number, what: string): void {
  if (!Number.isFinite(v)) throw new InvalidArgumentError(`${what} must be a finite number, got ${v}`);
}

/**
 * Throw unless `v` is a non-empty string.
 *
 * @internal
 */
export function nonEmpty(v: string, what: string): void {
  if (typeof v !== 'string' || v.length === 0) {
    throw new InvalidArgumentError(`${what} must be a non-empty string, got ${JSON.stringify(v)}`);
  }
}

/**
 * `v` as an exact finite decimal, or throw quoting it.
 *
 * @internal
 */
export function exact(v: string, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(v);
  } catch (e) {
    throw new InvalidArgumentError(`${what} must be a decimal string, got ${JSON.stringify(v)}`, { cause: e });
  }
  if (!d.isFinite()) throw new InvalidArgumentError(`${what} must be finite, got ${JSON.stringify(v)}`);
  return d;
}
