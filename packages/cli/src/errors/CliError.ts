import { type ErrorCode, SextantError, type SextantErrorOptions } from '@sextant/core';
import type { ExitCode } from './EXIT_CODES.js';

/** Options of a {@link CliError}. */
export interface CliErrorOptions extends SextantErrorOptions {
  /** Exit code the process ends with. @default mapped from `code` by `exitCodeFor` */
  exitCode?: ExitCode;
}

/**
 * An error the `sextant` command reports to the user: a stable code from
 * core's `ERROR_CODES`, a message quoting the bad value, and optionally the
 * exit code to end with.
 *
 * @example
 * ```ts
 * import { CliError, EXIT_CODES } from '@sextant/cli';
 * throw new CliError('INVALID_ARGUMENT', 'Unknown market "FOO/BTC"', { exitCode: EXIT_CODES.USAGE });
 * ```
 */
export class CliError extends SextantError {
  /** Exit code to end the process with, when set. */
  readonly exitCode: ExitCode | undefined;

  /**
   * @param code - stable error code
   * @param message - short message quoting the bad value
   * @param options - exit code, cause, details
   */
  constructor(code: ErrorCode, message: string, options: CliErrorOptions = {}) {
    const { exitCode, ...rest } = options;
    super(code, message, rest);
    this.exitCode = exitCode;
  }
}
