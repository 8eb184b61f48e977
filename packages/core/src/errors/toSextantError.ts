import { isSextantError } from './isSextantError.js';
import { SextantError } from './SextantError.js';

/**
 * `value` as a {@link SextantError}: returned as is when it already is one,
 * otherwise wrapped with code `INTERNAL` and the original in `cause`.
 *
 * @param value - anything thrown
 * @param context - what was being done, prefixed to the message
 * @returns a Sextant error
 * @example
 * ```ts
 * import { toSextantError } from '@sextant/core';
 * try { step(); } catch (e) { emit('error', toSextantError(e, 'features stage failed')); }
 * ```
 */
export function toSextantError(value: unknown, context?: string): SextantError {
  if (isSextantError(value)) return value;
  const msg = value instanceof Error ? value.message : String(value);
  return new SextantError('INTERNAL', context ? `${context}: ${msg}` : msg, { cause: value });
}
