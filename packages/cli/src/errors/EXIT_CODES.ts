/**
 * Process exit codes of the `sextant` command. Scripts can branch on them:
 * `0` success, `2` bad usage, `3` bad config, `4` missing or bad data,
 * `5` state store locked by another bot, `6` exchange or network trouble,
 * `7` trading halted (kill switch or risk), `130` interrupted.
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from '@sextant/cli';
 * if (code === EXIT_CODES.LOCKED) console.error('another bot holds the state store');
 * ```
 */
export const EXIT_CODES = {
  /** Everything worked. */
  OK: 0,
  /** An unexpected failure (a bug, an unmapped error). */
  FAILURE: 1,
  /** Bad command-line usage: unknown command, missing or invalid flag. */
  USAGE: 2,
  /** The config file is missing, not JSON, or fails the schema. */
  CONFIG: 3,
  /** Data or a model is missing, corrupt or does not match. */
  DATA: 4,
  /** The state store is locked by another running bot. */
  LOCKED: 5,
  /** The exchange or network failed (retry later). */
  NETWORK: 6,
  /** Trading is halted: kill switch engaged or risk refused. */
  HALTED: 7,
  /** Stopped by SIGINT/SIGTERM after finishing the cycle. */
  INTERRUPTED: 130,
} as const;

/** One of the {@link EXIT_CODES} values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
