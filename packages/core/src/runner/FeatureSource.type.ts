import type { CandleEvent } from './CandleEvent.type.js';

/**
 * Turns each closed candle into one row of features for its market. Stateful
 * per symbol (streaming indicators) or a lookup into precomputed frames; it
 * must only use candles up to and including the event's. The returned row
 * may be a buffer reused by the next `update` (no allocation per candle):
 * whoever keeps it past the cycle copies it.
 */
export interface FeatureSource {
  /** Stable feature names, in column order. */
  readonly names: readonly string[];
  /** Hash of the feature definitions; models refuse a different one. */
  readonly hash: string;
  /** Features for this candle, or `null` while the indicators warm up. */
  update(event: CandleEvent): Float64Array | null;
}
