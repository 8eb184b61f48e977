import { CANDLE_FIELDS } from './CANDLE_FIELDS.js';
import type { CandleSeries } from './CandleSeries.type.js';
import { allocateCandleSeries } from './createCandleSeries.js';

/**
 * Merge two series into one sorted by timestamp with one row per timestamp;
 * where both hold a timestamp, `newer` wins. Each input may be unsorted and
 * may hold duplicates (the last occurrence wins within an input).
 *
 * @param older - existing rows
 * @param newer - rows that replace existing ones on equal timestamps
 * @returns a new sorted, deduplicated series
 * @example
 * ```ts
 * import { mergeSeries } from '@sextant/core';
 * const stored = mergeSeries(stored, freshlyFetched);
 * ```
 */
export function mergeSeries(older: CandleSeries, newer: CandleSeries): CandleSeries {
  const n = older.length + newer.length;
  // Stable order: older rows first, newer rows after; sort by timestamp then by
  // position so that for equal timestamps the last position wins.
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const ts = (i: number): number =>
    i < older.length ? (older.timestamp[i] as number) : (newer.timestamp[i - older.length] as number);
  const sorted = Array.from(idx).sort((a, b) => ts(a) - ts(b) || a - b);
  const keep: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k] as number;
    const next = sorted[k + 1];
    if (next !== undefined && ts(next) === ts(i)) continue;
    keep.push(i);
  }
  const out = allocateCandleSeries(keep.length);
  for (const f of CANDLE_FIELDS) {
    const a = older[f];
    const b = newer[f];
    const o = out[f];
    for (let k = 0; k < keep.length; k++) {
      const i = keep[k] as number;
      o[k] = i < older.length ? (a[i] as number) : (b[i - older.length] as number);
    }
  }
  return out;
}
