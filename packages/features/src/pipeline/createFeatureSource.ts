import { type CandleEvent, type CandleSeries, type FeatureSource, InvalidArgumentError } from '@sextant/core';
import type { FeaturePipeline } from './FeaturePipeline.js';
import { type FeatureStream, featureStream } from './featureStreams.js';

class CandleBuffer {
  timestamp = new Float64Array(256);
  open = new Float64Array(256);
  high = new Float64Array(256);
  low = new Float64Array(256);
  close = new Float64Array(256);
  volume = new Float64Array(256);
  length = 0;

  push(symbol: string, c: CandleEvent['candle']): void {
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

/** One symbol's streaming state: every feature kind's stream plus the shift ring. */
class SymbolStream {
  readonly #streams: FeatureStream[];
  readonly #base: number;
  readonly #shifts: number;
  readonly #ring: Float64Array;
  readonly #firstSeen: Int32Array;
  #lastTimestamp = Number.NEGATIVE_INFINITY;
  #index = -1;

  constructor(pipeline: FeaturePipeline) {
    this.#streams = pipeline.features.map(featureStream);
    this.#shifts = pipeline.config.expand.shifts;
    this.#base = pipeline.names.length / (this.#shifts + 1);
    this.#ring = new Float64Array((this.#shifts + 1) * this.#base).fill(Number.NaN);
    this.#firstSeen = new Int32Array(pipeline.names.length).fill(-1);
  }

  update(symbol: string, c: CandleEvent['candle']): Float64Array | null {
    const replace = c.timestamp === this.#lastTimestamp;
    if (c.timestamp < this.#lastTimestamp) {
      throw new InvalidArgumentError(
        `Feature source: candle for "${symbol}" at ${c.timestamp} is older than the last one at ${this.#lastTimestamp}`,
      );
    }
    if (!replace) this.#index++;
    this.#lastTimestamp = c.timestamp;
    const i = this.#index;
    const size = this.#shifts + 1;
    const slot = (i % size) * this.#base;
    let k = 0;
    for (const st of this.#streams) {
      for (const x of replace ? st.replace(c) : st.add(c)) this.#ring[slot + k++] = x;
    }
    const row = new Float64Array(this.#firstSeen.length);
    for (let s = 0; s <= this.#shifts; s++) {
      const from = i >= s ? ((i - s) % size) * this.#base : -1;
      for (let b = 0; b < this.#base; b++) row[s * this.#base + b] = from < 0 ? Number.NaN : this.#ring[from + b]!;
    }
    let ready = true;
    for (let col = 0; col < row.length; col++) {
      if (Number.isNaN(row[col]!)) {
        if (this.#firstSeen[col] === i) this.#firstSeen[col] = -1;
      } else if (this.#firstSeen[col]! < 0) this.#firstSeen[col] = i;
      if (this.#firstSeen[col]! < 0) ready = false;
    }
    return ready ? row : null;
  }
}

function checkCandle(symbol: string, c: CandleEvent['candle']): void {
  for (const [k, v] of Object.entries(c)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new InvalidArgumentError(`Feature source: candle for "${symbol}" has ${k} ${String(v)}`);
    }
  }
  if (c.high < c.open || c.high < c.close || c.low > c.open || c.low > c.close) {
    throw new InvalidArgumentError(
      `Feature source: candle for "${symbol}" at ${c.timestamp} has high ${c.high} / low ${c.low} outside open ${c.open} / close ${c.close}`,
    );
  }
}

/**
 * A live `FeatureSource` (from `@sextant/core`) over a pipeline: returns the newest row of
 * features for every candle event, `null` during the warm-up. Rows equal the
 * rows of `pipeline.compute` on the same candles exactly. Features are
 * computed incrementally with the streaming twins (O(1) per candle for each
 * feature, bounded memory); only pipelines that expand over higher
 * timeframes or correlated pairs fall back to recomputing over the candles
 * kept per symbol. A candle with the timestamp of the previous one replaces
 * it (an update of the still-open candle).
 *
 * @param pipeline - the feature pipeline
 * @returns the feature source
 * @throws InvalidArgumentError (from `update`) for a NaN, negative, inconsistent or out-of-order candle
 * @example
 * ```ts
 * import { FeaturePipeline, createFeatureSource } from '@sextant/features';
 * const source = createFeatureSource(new FeaturePipeline());
 * const row = source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle }); // null while warming up
 * ```
 */
export function createFeatureSource(pipeline: FeaturePipeline): FeatureSource {
  const { expand } = pipeline.config;
  if (expand.timeframes.length === 0 && expand.pairs.length === 0) {
    const streams = new Map<string, SymbolStream>();
    return {
      names: pipeline.names,
      hash: pipeline.hash,
      update(event: CandleEvent): Float64Array | null {
        checkCandle(event.symbol, event.candle);
        let s = streams.get(event.symbol);
        if (s === undefined) streams.set(event.symbol, (s = new SymbolStream(pipeline)));
        return s.update(event.symbol, event.candle);
      },
    };
  }
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
      checkCandle(event.symbol, event.candle);
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
