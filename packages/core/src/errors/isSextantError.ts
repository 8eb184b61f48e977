import type { ErrorCode } from './errorCodes.js';
import { SEXTANT_ERROR_BRAND, type SextantError } from './SextantError.js';

/**
 * Whether `value` is a {@link SextantError}, optionally with a given code.
 * Works across duplicate copies of `@sextant/core` (it checks a global brand,
 * not the prototype chain).
 *
 * @param value - anything caught
 * @param code - when given, the error must also carry this code
 * @returns true when `value` is a Sextant error (with `code`)
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * try { run(); } catch (e) { if (isSextantError(e, 'RATE_LIMITED')) await pause(); else throw e; }
 * ```
 */
export function isSextantError(value: unknown, code?: ErrorCode): value is SextantError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[SEXTANT_ERROR_BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}
