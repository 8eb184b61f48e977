import { InvalidCandlesError } from '../errors/InvalidCandlesError.js';
import type { CandleSeries } from './CandleSeries.type.js';
import type { CandleValidationReport } from './CandleValidationReport.type.js';
import { type ValidateCandlesOptions, isoTime, validateCandles } from './validateCandles.js';

/** Options of {@link assertValidCandles}. */
export interface AssertValidCandlesOptions extends ValidateCandlesOptions {
  /** Also throw when the series has gaps. @default false */
  rejectGaps?: boolean;
  /** Name of the series for the message (a symbol or a file). */
  label?: string;
}

/**
 * Throw an {@link InvalidCandlesError} unless the series passes
 * {@link validateCandles}. The message quotes the first bad row in full.
 * Gaps are allowed unless `rejectGaps` is set (real exchanges have outages).
 *
 * @param series - columnar candles
 * @param options - timeframe, gap policy and label
 * @returns the validation report when the series is valid
 * @throws InvalidCandlesError on duplicates, disorder, invalid rows (or gaps with `rejectGaps`)
 * @example
 * ```ts
 * import { assertValidCandles } from '@sextant/core';
 * assertValidCandles(series, { timeframe: '5m', label: 'ETH/BTC' });
 * ```
 */
export function assertValidCandles(
  series: CandleSeries,
  options: AssertValidCandlesOptions = {},
): CandleValidationReport {
  const report = validateCandles(series, options);
  const where = options.label ? ` in ${options.label}` : '';
  if (report.first !== undefined) {
    const { index, reason } = report.first;
    const counts = `${report.invalid.length} invalid, ${report.duplicates} duplicate, ${report.outOfOrder} out of order`;
    throw new InvalidCandlesError(
      `Invalid candle${where} at row ${index} ${quoteRow(series, index)}: ${reason} (${counts})`,
      report,
    );
  }
  const gap = report.gaps[0];
  if (options.rejectGaps && gap !== undefined) {
    throw new InvalidCandlesError(
      `Gap${where}: ${gap.missing} candle(s) missing from ${isoTime(gap.from)} to ${isoTime(gap.to)} (${report.gaps.length} gaps)`,
      { ...report, ok: false },
    );
  }
  return report;
}

/** `[ts, o, h, l, c, v]` of row i as text, with the time in ISO. */
function quoteRow(s: CandleSeries, i: number): string {
  return `[${isoTime(s.timestamp[i] as number)}, ${s.open[i]}, ${s.high[i]}, ${s.low[i]}, ${s.close[i]}, ${s.volume[i]}]`;
}
