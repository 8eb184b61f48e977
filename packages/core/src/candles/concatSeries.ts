import { CANDLE_FIELDS } from './CANDLE_FIELDS.js';
import type { CandleSeries } from './CandleSeries.type.js';
import { allocateCandleSeries } from './createCandleSeries.js';

/**
 * One series holding the rows of all `parts`, in the order given. It copies;
 * it does not sort or dedupe (use {@link mergeSeries} for that).
 *
 * @param parts - series to join
 * @returns a new series
 * @example
 * ```ts
 * import { concatSeries } from '@sextant/core';
 * const all = concatSeries([january, february]);
 * ```
 */
export function concatSeries(parts: readonly CandleSeries[]): CandleSeries {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = allocateCandleSeries(total);
  let offset = 0;
  for (const p of parts) {
    for (const f of CANDLE_FIELDS) out[f].set(p[f].subarray(0, p.length), offset);
    offset += p.length;
  }
  return out;
}
