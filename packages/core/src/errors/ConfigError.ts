import { SextantError } from './SextantError.js';

/** One problem found in a configuration object. */
export interface ConfigIssue {
  /** Dotted path to the bad field, e.g. `risk.maxPositionPct`. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/**
 * A configuration failed validation. The message lists every issue as
 * `path: expected ..., got ...`; `issues` holds them one by one.
 *
 * @example
 * ```ts
 * import { parseConfig, isSextantError } from '@sextant/core';
 * try { parseConfig({ risk: { maxPositionPct: 1.5 } }); }
 * catch (e) { if (isSextantError(e, 'INVALID_CONFIG')) console.error(e.message); }
 * // risk.maxPositionPct: expected number <= 1, got 1.5
 * ```
 */
export class ConfigError extends SextantError {
  /** Every issue found, in schema order. */
  readonly issues: readonly ConfigIssue[];

  /**
   * @param issues - the problems found
   * @param source - where the config came from (a file path), for the message
   */
  constructor(issues: readonly ConfigIssue[], source?: string) {
    const head = source ? `Invalid config in ${source}` : 'Invalid config';
    super('INVALID_CONFIG', `${head}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
      details: { issues, ...(source ? { source } : {}) },
    });
    this.issues = issues;
  }
}
