import type { CandleValidationReport } from '../candles/CandleValidationReport.type.js';
import { SextantError } from './SextantError.js';

/**
 * Candles failed {@link validateCandles}. The message quotes the first bad
 * row; `report` holds everything found.
 *
 * @example
 * ```ts
 * import { assertValidCandles, isSextantError } from '@sextant/core';
 * try { assertValidCandles(series, { timeframe: '5m' }); }
 * catch (e) { if (isSextantError(e, 'INVALID_CANDLES')) console.error(e.message); }
 * ```
 */
export class InvalidCandlesError extends SextantError {
  /** The full validation report. */
  readonly report: CandleValidationReport;

  /**
   * @param message - what is wrong, quoting the first bad row
   * @param report - the full validation report
   */
  constructor(message: string, report: CandleValidationReport) {
    super('INVALID_CANDLES', message, {
      details: { duplicates: report.duplicates, outOfOrder: report.outOfOrder, invalid: report.invalid.length },
    });
    this.report = report;
  }
}
