import { type Timeframe, timeframeToMs } from '@sextant/core';
import { inferTimeframe } from './inferTimeframe.js';

/** Columns on their own time axis (a higher-timeframe frame or series). */
export interface TimedColumns {
  /** Open time of each row, ms UTC, oldest first. */
  readonly timestamp: Float64Array;
  /** Columns to carry over, each of `timestamp.length` rows. */
  readonly columns: readonly Float64Array[];
}

/**
 * Join higher-timeframe columns onto base rows without look-ahead: a higher
 * row joins a base row only if that higher candle had closed by the base
 * candle's close (`higherOpen + higherTf <= baseOpen + baseTf`); the latest
 * such row is used. Base rows before the first closed higher candle get NaN.
 *
 * @param base - the base rows' open times
 * @param higher - the higher-timeframe rows
 * @param higherTimeframe - timeframe of `higher`
 * @param baseTimeframe - timeframe of `base`, inferred from its timestamps when omitted
 * @returns one column per higher column, aligned to `base`
 * @throws InvalidArgumentError when a timeframe is unknown or cannot be inferred
 * @example
 * ```ts
 * import { alignToBase, resample, rsi } from '@sextant/features';
 * const h1 = resample(m5, '5m', '1h');
 * const [rsi1h] = alignToBase(m5, { timestamp: h1.timestamp, columns: [rsi(h1.close, 14)] }, '1h', '5m');
 * ```
 */
export function alignToBase(
  base: { readonly timestamp: Float64Array },
  higher: TimedColumns,
  higherTimeframe: Timeframe,
  baseTimeframe?: Timeframe,
): Float64Array[] {
  const hMs = timeframeToMs(higherTimeframe);
  const bMs = timeframeToMs(baseTimeframe ?? inferTimeframe(base.timestamp));
  const n = base.timestamp.length;
  const m = higher.timestamp.length;
  const out = higher.columns.map(() => new Float64Array(n).fill(Number.NaN));
  let j = -1;
  for (let i = 0; i < n; i++) {
    const closeAt = base.timestamp[i]! + bMs;
    while (j + 1 < m && higher.timestamp[j + 1]! + hMs <= closeAt) j++;
    if (j < 0) continue;
    for (let c = 0; c < out.length; c++) out[c]![i] = higher.columns[c]![j]!;
  }
  return out;
}
