import { createHash } from 'node:crypto';
import {
  type CandleSeries,
  InvalidArgumentError,
  SextantError,
  type Timeframe,
  assertValidCandles,
  parseWith,
  timeframeToMs,
} from '@sextant/core';
import type { FeatureFrame } from '../FeatureFrame.type.js';
import { alignToBase } from '../timeframes/alignToBase.js';
import { inferTimeframe } from '../timeframes/inferTimeframe.js';
import { resample } from '../timeframes/resample.js';
import {
  type FeatureDef,
  type FeaturePipelineConfig,
  type FeaturePipelineConfigInput,
  FeaturePipelineConfigSchema,
} from './FeaturePipelineConfigSchema.js';
import { spentRegions, withColumnBlocks, withColumnPool } from '../internal/column.js';
import { isValidSeries } from '../internal/isValidSeries.js';
import { FEATURE_KINDS, planShared, releaseShared } from './featureKinds.js';
import { scaleFree } from './scaleFree.js';

/** Per-call inputs of {@link FeaturePipeline.compute}. */
export interface FeatureComputeOptions {
  /** Candles of the correlated markets named in `expand.pairs`, by symbol. */
  pairs?: Readonly<Record<string, CandleSeries>>;
  /** Skip candle validation (the caller validated already). @default false */
  trusted?: boolean;
  /**
   * A frame from this pipeline that is no longer needed: its columns' memory
   * is reused for the new columns (and overwritten), which saves allocating
   * (and zeroing or page-faulting) a fresh column per feature when frames
   * are computed over and over. Do not read `into` afterwards.
   * @default undefined (fresh columns)
   */
  into?: FeatureFrame | FeatureColumns;
}

/** Full-length feature columns before warm-up rows are dropped. */
export interface FeatureColumns {
  /** Candle open times, ms UTC. */
  readonly timestamp: Float64Array;
  /** One column per {@link FeaturePipeline.names} entry, of the series' length. */
  readonly columns: Float64Array[];
  /** Index of the first row where every feature is a number. */
  readonly firstComplete: number;
}

interface KindImpl {
  names(p: unknown): string[];
  lookback(p: unknown): number;
  compute(s: CandleSeries, p: unknown): Float64Array[];
}

const impl = (def: FeatureDef): KindImpl => FEATURE_KINDS[def.kind] as unknown as KindImpl;

/**
 * Turns candles into a {@link FeatureFrame} from a declarative, zod-validated
 * spec. Names are stable and the hash covers the resolved spec, so a model
 * can refuse features from a different pipeline. Warm-up rows (where any
 * feature is still NaN) are dropped and counted, never filled.
 *
 * @example
 * ```ts
 * import { FeaturePipeline } from '@sextant/features';
 * const pipeline = new FeaturePipeline(); // the default 49 features
 * const frame = pipeline.compute(series);
 * frame.names.length; // 49
 * frame.dropped; // warm-up rows dropped (199 with EMA 200)
 * // recomputing, with a frame that is no longer needed: its memory is reused
 * const next = pipeline.compute(series, { into: frame });
 * ```
 */
export class FeaturePipeline {
  /** The resolved, frozen spec. */
  readonly config: Readonly<FeaturePipelineConfig>;
  /** Feature names in column order. */
  readonly names: readonly string[];
  /** SHA-256 (hex) of the resolved spec and names. */
  readonly hash: string;
  /** Longest warm-up of the base features in candles (before expansion by timeframes/pairs). */
  readonly warmup: number;
  /** The resolved feature definitions after `expand.periods`, in column order. */
  readonly features: readonly FeatureDef[];
  readonly #defs: readonly FeatureDef[];
  readonly #baseNames: readonly string[];

  /**
   * @param spec - the spec as written; omitted: the default feature set
   * @throws ConfigError listing every invalid field
   */
  constructor(spec: FeaturePipelineConfigInput = {}) {
    this.config = parseWith(FeaturePipelineConfigSchema, spec, 'FeaturePipeline spec');
    const { expand } = this.config;
    if (expand.timeframes.length > 0 && this.config.timeframe === undefined) {
      throw new InvalidArgumentError(
        'FeaturePipeline: "timeframe" (the base timeframe) is required with expand.timeframes',
      );
    }
    const defs: FeatureDef[] = [];
    const seen = new Set<string>();
    for (const def of this.config.features) {
      const variants =
        'period' in def && expand.periods.length > 0 ? expand.periods.map((period) => ({ ...def, period })) : [def];
      for (const v of variants) {
        const key = impl(v).names(v).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        defs.push(v as FeatureDef);
      }
    }
    this.#defs = defs;
    this.features = Object.freeze(defs);
    const base: string[] = [];
    for (const d of defs) base.push(...impl(d).names(d));
    for (let s = 1; s <= expand.shifts; s++)
      for (const n of [...base]) if (!n.includes('_shift')) base.push(`${n}_shift${s}`);
    this.#baseNames = base;
    const names = [...base];
    for (const tf of expand.timeframes) names.push(...base.map((n) => `tf${tf}_${n}`));
    for (const pair of expand.pairs) names.push(...base.map((n) => `${pair}_${n}`));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InvalidArgumentError(`FeaturePipeline: feature name "${dup}" appears twice`);
    this.names = Object.freeze(names);
    this.warmup = Math.max(0, ...defs.map((d) => impl(d).lookback(d))) + expand.shifts;
    this.hash = createHash('sha256')
      .update(JSON.stringify({ version: 1, config: this.config, names }))
      .digest('hex');
  }

  /**
   * Features for every candle, full length, NaN in the warm-up.
   *
   * @param series - candles, oldest first
   * @param options - correlated pairs' candles; see {@link FeatureComputeOptions}
   * @returns columns in {@link names} order and the first complete row
   * @throws InvalidCandlesError for NaN, negative or out-of-order candles
   * @throws InvalidArgumentError when a pair named in `expand.pairs` is missing,
   *   or when `into` is a frame of another pipeline
   */
  computeColumns(series: CandleSeries, options: FeatureComputeOptions = {}): FeatureColumns {
    if (!options.trusted && !isValidSeries(series)) assertValidCandles(series, { label: 'FeaturePipeline input' });
    if (options.into === undefined) return this.#columns(series, options);
    const spent = this.#spentColumns(options.into);
    return withColumnPool(spent, () => this.#columns(series, options));
  }

  #columns(series: CandleSeries, options: FeatureComputeOptions): FeatureColumns {
    // One frame's columns packed into a few large blocks (withColumnBlocks).
    const columns = withColumnBlocks(this.#baseNames.length, series.length, () => this.#base(series));
    const { expand } = this.config;
    if (expand.timeframes.length > 0) {
      const baseTf: Timeframe = this.config.timeframe ?? inferTimeframe(series.timestamp);
      for (const tf of expand.timeframes) {
        if (timeframeToMs(tf) <= timeframeToMs(baseTf)) {
          throw new InvalidArgumentError(`FeaturePipeline: expansion timeframe "${tf}" is not above base "${baseTf}"`);
        }
        const higher = resample(series, baseTf, tf);
        columns.push(...alignToBase(series, { timestamp: higher.timestamp, columns: this.#base(higher) }, tf, baseTf));
      }
    }
    for (const pair of expand.pairs) {
      const other = options.pairs?.[pair];
      if (other === undefined) {
        throw new InvalidArgumentError(
          `FeaturePipeline: candles for correlated pair "${pair}" were not passed to compute`,
        );
      }
      if (!options.trusted && !isValidSeries(other)) assertValidCandles(other, { label: pair });
      columns.push(...joinOnTimestamp(series.timestamp, other.timestamp, this.#base(other)));
    }
    let first = 0;
    for (const c of columns) {
      let i = 0;
      while (i < c.length && Number.isNaN(c[i]!)) i++;
      if (i > first) first = i;
    }
    return { timestamp: series.timestamp, columns, firstComplete: Math.min(first, series.length) };
  }

  /**
   * The feature frame of a series: rows aligned to candle open times, warm-up
   * rows dropped (their count in `dropped`). Columns are zero-copy views
   * (`subarray`) past the warm-up; `timestamp` views the series' own column.
   *
   * @param series - candles, oldest first
   * @param options - correlated pairs' candles; see {@link FeatureComputeOptions}
   * @returns the frame, with `hash` and `dropped`
   * @throws InvalidCandlesError for NaN, negative or out-of-order candles
   * @throws InvalidArgumentError when a pair named in `expand.pairs` is missing,
   *   or when `into` is a frame of another pipeline
   */
  compute(series: CandleSeries, options: FeatureComputeOptions = {}): FeatureFrame {
    const { columns, firstComplete } = this.computeColumns(series, options);
    return {
      timestamp: series.timestamp.subarray(firstComplete),
      names: this.names,
      columns: columns.map((c) => c.subarray(firstComplete)),
      length: series.length - firstComplete,
      hash: this.hash,
      dropped: firstComplete,
    };
  }

  /** The full-length columns behind a spent frame (or columns) of this pipeline, each once. */
  #spentColumns(into: FeatureFrame | FeatureColumns): Float64Array[] {
    if ('hash' in into && into.hash !== this.hash) {
      throw new InvalidArgumentError(
        `FeaturePipeline: "into" is a frame of another pipeline (hash "${into.hash}", this pipeline's is "${this.hash}")`,
      );
    }
    const dropped = 'hash' in into ? (into.dropped ?? 0) : 0;
    return spentRegions(into.columns, dropped).reverse(); // column() takes from the end: first columns first
  }

  #base(series: CandleSeries): Float64Array[] {
    const cols: Float64Array[] = [];
    try {
      planShared(series, this.#defs);
      for (const d of this.#defs) cols.push(...impl(d).compute(series, d));
    } finally {
      releaseShared(series);
    }
    const n = cols.length;
    for (let s = 1; s <= this.config.expand.shifts; s++) {
      for (let c = 0; c < n; c++) cols.push(scaleFree.shift(cols[c]!, s));
    }
    if (cols.length !== this.#baseNames.length)
      throw new SextantError('INTERNAL', 'FeaturePipeline: internal column count mismatch');
    return cols;
  }
}

function joinOnTimestamp(base: Float64Array, other: Float64Array, cols: Float64Array[]): Float64Array[] {
  const out = cols.map(() => new Float64Array(base.length).fill(Number.NaN));
  let j = 0;
  for (let i = 0; i < base.length; i++) {
    const t = base[i]!;
    while (j < other.length && other[j]! < t) j++;
    if (j < other.length && other[j] === t) for (let c = 0; c < cols.length; c++) out[c]![i] = cols[c]![j]!;
  }
  return out;
}
