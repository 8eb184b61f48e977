import { SextantError, type SextantErrorOptions } from './SextantError.js';

/**
 * The bot runner was used in a way its lifecycle forbids (starting a disposed
 * bot) or a cycle stage failed; the stage name is in `details.stage`.
 *
 * @example
 * ```ts
 * import { RunnerError } from '@sextant/core';
 * throw new RunnerError('Cannot start a bot in state "disposed"');
 * ```
 */
export class RunnerError extends SextantError {
  /**
   * @param message - what went wrong
   * @param options - cause and details
   */
  constructor(message: string, options: SextantErrorOptions = {}) {
    super('RUNNER', message, options);
  }
}
