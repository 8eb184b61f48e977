import { SextantError } from '@sextant/core';
import type { PreflightCheck } from './Preflight.type.js';

/**
 * Live-mode preflight failed: live trading refuses to start. The message
 * lists every failed check; `details.checks` holds them all. Never retryable
 * as such (fix the cause, then run the preflight again).
 *
 * @example
 * ```ts
 * import { isSextantError } from '@sextant/core';
 * import { assertPreflight, runPreflight } from '@sextant/risk';
 * try { assertPreflight(await runPreflight(probes, options)); }
 * catch (e) { if (isSextantError(e, 'PREFLIGHT_FAILED')) console.error(e.message); }
 * ```
 */
export class PreflightError extends SextantError {
  /** Every check, passed or not. */
  readonly checks: readonly PreflightCheck[];

  /** @param checks - every check of the run (the failed ones go in the message) */
  constructor(checks: readonly PreflightCheck[]) {
    const failed = checks.filter((c) => !c.ok);
    super('PREFLIGHT_FAILED', `Live preflight failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`, {
      details: { checks },
    });
    this.checks = checks;
  }
}
