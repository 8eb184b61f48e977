import { type CandleEvent, type CandleSeries, type FeatureSource, InvalidArgumentError } from '@sextant/core';
import type { FeaturePipeline } from './FeaturePipeline.js';

class CandleBuffer {
  timestamp = new Float64Array(256);
  open = new Float64Array(256);
  high = new Float64Array(256);
  low = new Float64Array(256);
  close = new Float64Array(256);
  volume = new Float64Array(256);
  length = 0;

  push(symbol: string, c: CandleEvent['candle']): void {
    for (const [k, v] of Object.entries(c)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new InvalidArgumentError(`Feature source: candle for "${symbol}" has ${k} ${String(v)}`);
      }
    }
    const last = this.length - 1;
    if (last >= 0 && c.timestamp < this.timestamp[last]!) {
      throw new InvalidArgumentError(
        `Feature source: candle for "${symbol}" at ${c.timestamp} is older than the last one at ${this.timestamp[last]}`,
      );
    }
    const i = last >= 0 && c.timestamp === this.timestamp[last] ? last : this.length++;
    if (i >= this.timestamp.length) this.#grow();
    this.timestamp[i] = c.timestamp;
    this.open[i] = c.open;
    this.high[i] = c.high;
    this.low[i] = c.low;
    this.close[i] = c.close;
    this.volume[i] = c.volume;
  }

  view(): CandleSeries {
    const n = this.length;
    return {
      timestamp: this.timestamp.subarray(0, n),
      open: this.open.subarray(0, n),
      high: this.high.subarray(0, n),
      low: this.low.subarray(0, n),
      close: this.close.subarray(0, n),
      volume: this.volume.subarray(0, n),
      length: n,
    };
  }

  #grow(): void {
    const cap = this.timestamp.length * 2;
    for (const k of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      const a = new Float64Array(cap);
      a.set(this[k]);
      this[k] = a;
    }
  }
}

/**
 * A live {@link FeatureSource} over a pipeline: keeps each symbol's candles
 * and returns the newest row of features for every candle event, `null`
 * during the warm-up. Rows equal the rows of `pipeline.compute` on the same
 * candles exactly (the pipeline is causal; `checkLookahead` proves it). A
 * candle with the timestamp of the previous one replaces it (an update of the
 * still-open candle). Correlated pairs in `expand.pairs` are read from the
 * candles this source has seen for those symbols.
 *
 * @param pipeline - the feature pipeline
 * @returns the feature source
 * @example
 * ```ts
 * import { FeaturePipeline, createFeatureSource } from '@sextant/features';
 * const source = createFeatureSource(new FeaturePipeline());
 * const row = source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle }); // null while warming up
 * ```
 */
export function createFeatureSource(pipeline: FeaturePipeline): FeatureSource {
  const buffers = new Map<string, CandleBuffer>();
  const bufferOf = (symbol: string): CandleBuffer => {
    let b = buffers.get(symbol);
    if (b === undefined) buffers.set(symbol, (b = new CandleBuffer()));
    return b;
  };
  return {
    names: pipeline.names,
    hash: pipeline.hash,
    update(event: CandleEvent): Float64Array | null {
      const buffer = bufferOf(event.symbol);
      buffer.push(event.symbol, event.candle);
      const series = buffer.view();
      const last = series.length - 1;
      if (last < pipeline.warmup) return null;
      const pairs: Record<string, CandleSeries> = {};
      for (const p of pipeline.config.expand.pairs) pairs[p] = bufferOf(p).view();
      const { columns, firstComplete } = pipeline.computeColumns(series, { pairs, trusted: true });
      if (firstComplete > last) return null;
      const row = new Float64Array(columns.length);
      for (let c = 0; c < row.length; c++) row[c] = columns[c]![last]!;
      return row;
    },
  };
}
