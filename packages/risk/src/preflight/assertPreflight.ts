import type { PreflightReport } from './Preflight.type.js';
import { PreflightError } from './PreflightError.js';

/**
 * Throw unless every preflight check passed.
 *
 * @param report - from {@link runPreflight}
 * @throws PreflightError (code `PREFLIGHT_FAILED`) listing every failed check
 * @example
 * ```ts
 * import { assertPreflight, runPreflight } from '@sextant/risk';
 * assertPreflight(await runPreflight(probes, options));
 * ```
 */
export function assertPreflight(report: PreflightReport): void {
  if (!report.ok || report.checks.some((c) => !c.ok)) throw new PreflightError(report.checks);
}
