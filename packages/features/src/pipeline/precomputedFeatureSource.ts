import { type CandleEvent, type FeatureSource, InvalidArgumentError } from '@sextant/core';
import type { FeatureFrame } from '../FeatureFrame.type.js';

/**
 * A `FeatureSource` (from `@sextant/core`) for backtests over frames computed up front (one
 * per symbol, e.g. by `FeaturePipeline.compute`): each candle event looks its
 * row up by timestamp. Candles without a row (the warm-up, or timestamps the
 * frame does not cover) give `null`. Rows are copied, never shared.
 *
 * @param framesBySymbol - one frame per market symbol, all from the same pipeline
 * @returns the feature source
 * @throws InvalidArgumentError when there are no frames or their names or hashes differ
 * @example
 * ```ts
 * import { FeaturePipeline, precomputedFeatureSource } from '@sextant/features';
 * const pipeline = new FeaturePipeline();
 * const source = precomputedFeatureSource({ 'ETH/BTC': pipeline.compute(ethBtc) });
 * ```
 */
export function precomputedFeatureSource(framesBySymbol: Readonly<Record<string, FeatureFrame>>): FeatureSource {
  const entries = Object.entries(framesBySymbol);
  const first = entries[0]?.[1];
  if (first === undefined)
    throw new InvalidArgumentError('precomputedFeatureSource needs at least one frame, got none');
  const index = new Map<string, { frame: FeatureFrame; rows: Map<number, number> }>();
  for (const [symbol, frame] of entries) {
    if (frame.hash !== first.hash || frame.names.join('\u0000') !== first.names.join('\u0000')) {
      throw new InvalidArgumentError(
        `precomputedFeatureSource: frame for "${symbol}" has hash "${frame.hash}", expected "${first.hash}" like the others`,
      );
    }
    const rows = new Map<number, number>();
    for (let i = 0; i < frame.length; i++) rows.set(frame.timestamp[i]!, i);
    index.set(symbol, { frame, rows });
  }
  return {
    names: first.names,
    hash: first.hash,
    update(event: CandleEvent): Float64Array | null {
      const entry = index.get(event.symbol);
      if (entry === undefined) return null;
      const row = entry.rows.get(event.candle.timestamp);
      if (row === undefined) return null;
      const out = new Float64Array(entry.frame.columns.length);
      for (let c = 0; c < out.length; c++) out[c] = entry.frame.columns[c]![row]!;
      return out;
    },
  };
}
