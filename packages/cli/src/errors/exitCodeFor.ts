import { ERROR_CODES, type ErrorCode, isSextantError } from '@sextant/core';
import { EXIT_CODES, type ExitCode } from './EXIT_CODES.js';

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  [ERROR_CODES.INVALID_CONFIG]: EXIT_CODES.CONFIG,
  [ERROR_CODES.INVALID_ARGUMENT]: EXIT_CODES.USAGE,
  [ERROR_CODES.BAD_SYMBOL]: EXIT_CODES.USAGE,
  [ERROR_CODES.INVALID_CANDLES]: EXIT_CODES.DATA,
  [ERROR_CODES.STORAGE_CORRUPT]: EXIT_CODES.DATA,
  [ERROR_CODES.STORAGE_IO]: EXIT_CODES.DATA,
  [ERROR_CODES.FEATURE_MISMATCH]: EXIT_CODES.DATA,
  [ERROR_CODES.MODEL]: EXIT_CODES.DATA,
  [ERROR_CODES.NETWORK]: EXIT_CODES.NETWORK,
  [ERROR_CODES.TIMEOUT]: EXIT_CODES.NETWORK,
  [ERROR_CODES.RATE_LIMITED]: EXIT_CODES.NETWORK,
  [ERROR_CODES.EXCHANGE_UNAVAILABLE]: EXIT_CODES.NETWORK,
  [ERROR_CODES.AUTHENTICATION]: EXIT_CODES.NETWORK,
  [ERROR_CODES.BAD_RESPONSE]: EXIT_CODES.NETWORK,
  [ERROR_CODES.RISK_REJECTED]: EXIT_CODES.HALTED,
  [ERROR_CODES.CIRCUIT_OPEN]: EXIT_CODES.HALTED,
  [ERROR_CODES.PREFLIGHT_FAILED]: EXIT_CODES.HALTED,
};

/**
 * The exit code a failed command ends with: the error's own `exitCode` when
 * it carries one (see `CliError`), else one mapped from its Sextant code,
 * else `EXIT_CODES.FAILURE`.
 *
 * @param error - what was thrown
 * @returns the exit code
 * @example
 * ```ts
 * import { exitCodeFor } from '@sextant/cli';
 * process.exitCode = exitCodeFor(err);
 * ```
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error !== null && typeof error === 'object' && 'exitCode' in error) {
    const own = (error as { exitCode: unknown }).exitCode;
    if (typeof own === 'number' && (Object.values(EXIT_CODES) as number[]).includes(own)) return own as ExitCode;
  }
  if (isSextantError(error)) return BY_CODE[error.code] ?? EXIT_CODES.FAILURE;
  return EXIT_CODES.FAILURE;
}
