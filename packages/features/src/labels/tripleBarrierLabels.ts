import { type CandleSeries, InvalidArgumentError } from '@sextant/core';
import { assertPeriod } from '../internal/assertPeriod.js';
import { atr } from '../kernels/atr.js';
import { LABEL_CLASSES } from './LABEL_CLASSES.js';

/** Options of {@link tripleBarrierLabels}. */
export interface TripleBarrierOptions {
  /** The time barrier: bars after entry. */
  horizonBars: number;
  /** Upper barrier distance: a fraction of the entry close, or ATRs when `atrPeriod` is set. */
  upper: number;
  /** Lower barrier distance, same unit as `upper`. */
  lower: number;
  /** When set, barriers are `upper x ATR(atrPeriod)` and `lower x ATR` from the entry close. */
  atrPeriod?: number;
}

/**
 * Triple-barrier labels (Lopez de Prado): from each entry close, the first
 * bar whose high reaches the upper barrier gives BUY (1), whose low reaches
 * the lower barrier gives SELL (-1); reaching neither within `horizonBars`
 * (the time barrier) gives HOLD (0), and so does a bar that touches both
 * (the order inside a candle is unknown). NaN where the horizon runs past
 * the data or the ATR is still warming up.
 *
 * @param series - candles, oldest first
 * @param options - horizon and barrier distances
 * @returns labels in {-1, 0, 1} or NaN
 * @throws InvalidArgumentError when a distance or period is out of range
 * @example
 * ```ts
 * import { tripleBarrierLabels } from '@sextant/features';
 * const y = tripleBarrierLabels(series, { horizonBars: 24, upper: 2, lower: 1, atrPeriod: 14 });
 * ```
 */
export function tripleBarrierLabels(series: CandleSeries, options: TripleBarrierOptions): Float64Array {
  const { horizonBars: h, upper, lower, atrPeriod } = options;
  assertPeriod('tripleBarrierLabels', 'horizonBars', h, 1);
  for (const [name, v] of [
    ['upper', upper],
    ['lower', lower],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v))
      throw new InvalidArgumentError(`tripleBarrierLabels: ${name} must be > 0, got ${v}`);
  }
  const a = atrPeriod === undefined ? undefined : atr(series.high, series.low, series.close, atrPeriod);
  const { high, low, close } = series;
  const n = series.length;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i + h < n; i++) {
    const c = close[i]!;
    const unit = a === undefined ? c : a[i]!;
    if (Number.isNaN(unit)) continue;
    const up = c + upper * unit;
    const dn = c - lower * unit;
    let label: number = LABEL_CLASSES.HOLD;
    for (let j = i + 1; j <= i + h; j++) {
      const hitUp = high[j]! >= up;
      const hitDn = low[j]! <= dn;
      if (hitUp || hitDn) {
        label = hitUp && hitDn ? LABEL_CLASSES.HOLD : hitUp ? LABEL_CLASSES.BUY : LABEL_CLASSES.SELL;
        break;
      }
    }
    out[i] = label;
  }
  return out;
}
