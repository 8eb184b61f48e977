import { type CandleSeries, InvalidArgumentError } from '@sextant/core';
import { assertPeriod } from '../internal/assertPeriod.js';
import { atr } from '../kernels/atr.js';
import { LABEL_CLASSES } from './LABEL_CLASSES.js';

/** Options of {@link atrClassLabels}. */
export interface AtrClassLabelOptions {
  /** Horizon in bars. */
  horizonBars: number;
  /** Threshold in ATRs: BUY above `+k * ATR`, SELL below `-k * ATR`. @default 1 */
  k?: number;
  /** ATR period. @default 14 */
  atrPeriod?: number;
}

/**
 * Dynamic 3-class labels: the close-to-close move over `horizonBars`,
 * against `k` x ATR at the entry bar. BUY (1) above `+k * ATR`, SELL (-1)
 * below `-k * ATR`, HOLD (0) in the neutral zone between. NaN where the
 * horizon runs past the data or the ATR is still warming up.
 *
 * @param series - candles, oldest first
 * @param options - horizon, `k` and ATR period
 * @returns labels in {-1, 0, 1} or NaN
 * @throws InvalidArgumentError when the horizon, `k` or the period is out of range
 * @example
 * ```ts
 * import { atrClassLabels } from '@sextant/features';
 * const y = atrClassLabels(series, { horizonBars: 12, k: 1.5 });
 * ```
 */
export function atrClassLabels(series: CandleSeries, options: AtrClassLabelOptions): Float64Array {
  const { horizonBars: h, k = 1, atrPeriod = 14 } = options;
  assertPeriod('atrClassLabels', 'horizonBars', h, 1);
  if (!(k > 0) || !Number.isFinite(k)) throw new InvalidArgumentError(`atrClassLabels: k must be > 0, got ${k}`);
  const a = atr(series.high, series.low, series.close, atrPeriod);
  const c = series.close;
  const n = series.length;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i + h < n; i++) {
    const thr = k * a[i]!;
    if (Number.isNaN(thr)) continue;
    const move = c[i + h]! - c[i]!;
    out[i] = move > thr ? LABEL_CLASSES.BUY : move < -thr ? LABEL_CLASSES.SELL : LABEL_CLASSES.HOLD;
  }
  return out;
}
