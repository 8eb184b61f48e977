import type { ErrorCode } from './errorCodes.js';

/** Options accepted by every {@link SextantError}. */
export interface SextantErrorOptions {
  /** Whether retrying the same call may succeed. Defaults to `false`. */
  retryable?: boolean;
  /** The underlying error, kept for diagnosis. */
  cause?: unknown;
  /** Structured details (never secrets) for logs and reports. */
  details?: Record<string, unknown>;
}

/** Brand used by {@link isSextantError}, stable across copies of the package. */
export const SEXTANT_ERROR_BRAND: unique symbol = Symbol.for('@sextant/error');

/**
 * The one error base of Sextant. Every error a package throws on purpose is a
 * `SextantError` with a stable `code`, a `retryable` flag and the original
 * error in `cause`. The message is short and quotes the bad value.
 *
 * Identify errors with {@link isSextantError} rather than `instanceof`, which
 * breaks when two copies of `@sextant/core` are loaded in one app.
 *
 * @example
 * ```ts
 * import { SextantError } from '@sextant/core';
 * throw new SextantError('INVALID_ARGUMENT', 'period must be >= 1, got 0');
 * ```
 */
export class SextantError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Whether the same call may succeed if retried. */
  readonly retryable: boolean;
  /** Structured details (never secrets). */
  readonly details: Record<string, unknown>;
  readonly [SEXTANT_ERROR_BRAND] = true;

  /**
   * @param code - stable error code
   * @param message - short human message quoting the bad value
   * @param options - retryable flag, cause and details
   */
  constructor(code: ErrorCode, message: string, options: SextantErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  /** A plain, serialisable view of the error (no stack, no cause object). */
  toJSON(): { name: string; code: ErrorCode; message: string; retryable: boolean; details: Record<string, unknown> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details,
    };
  }
}
