import { type CandleSeries, sliceSeries } from '@sextant/core';
import type { FeatureComputeOptions } from './FeaturePipeline.js';

/** What {@link checkLookahead} needs: names and full-length columns for a series. */
export interface LookaheadSubject {
  /** Feature names in column order. */
  readonly names: readonly string[];
  /** Full-length columns for a series (as `FeaturePipeline.computeColumns`). */
  computeColumns(series: CandleSeries, options?: FeatureComputeOptions): { readonly columns: readonly Float64Array[] };
}

/** One feature whose past changed when the future was cut off. */
export interface LookaheadLeak {
  /** Feature name. */
  feature: string;
  /** Length of the truncated copy that exposed it. */
  cut: number;
  /** First row whose value differed. */
  row: number;
  /** Value with the whole series. */
  full: number;
  /** Value with the series cut at `cut`. */
  truncated: number;
}

/** Result of {@link checkLookahead}. */
export interface LookaheadReport {
  /** True when no feature leaked. */
  ok: boolean;
  /** Truncation lengths checked. */
  cuts: number[];
  /** The first leak found per feature. */
  leaks: LookaheadLeak[];
}

/**
 * Look-ahead check in the spirit of freqtrade's lookahead-analysis: computes
 * the features on the whole series, then on copies cut off at several points,
 * and reports every feature whose values before a cut change when the
 * candles after it are removed. A causal feature gives identical values (bit
 * for bit) on every prefix.
 *
 * @param pipeline - a FeaturePipeline (or anything with names and computeColumns)
 * @param series - candles, oldest first
 * @param options - `cuts`: how many evenly spaced cut points (default 8), `compute`: options passed on
 * @returns the report; `ok` is false when anything leaked
 * @example
 * ```ts
 * import { FeaturePipeline, checkLookahead } from '@sextant/features';
 * const report = checkLookahead(new FeaturePipeline(), series);
 * if (!report.ok) console.table(report.leaks);
 * ```
 */
export function checkLookahead(
  pipeline: LookaheadSubject,
  series: CandleSeries,
  options: { cuts?: number; compute?: FeatureComputeOptions } = {},
): LookaheadReport {
  const count = Math.max(1, options.cuts ?? 8);
  const full = pipeline.computeColumns(series, options.compute).columns;
  const cuts: number[] = [];
  for (let k = 1; k <= count; k++) {
    const cut = Math.floor((series.length * k) / (count + 1));
    if (cut > 0 && !cuts.includes(cut)) cuts.push(cut);
  }
  if (series.length > 1 && !cuts.includes(series.length - 1)) cuts.push(series.length - 1);
  const leaks = new Map<string, LookaheadLeak>();
  for (const cut of cuts) {
    const part = pipeline.computeColumns(sliceSeries(series, 0, cut), options.compute).columns;
    for (let c = 0; c < full.length; c++) {
      const name = pipeline.names[c] ?? `#${c}`;
      if (leaks.has(name)) continue;
      const a = full[c]!;
      const b = part[c]!;
      for (let i = 0; i < cut; i++) {
        if (!Object.is(a[i], b[i])) {
          leaks.set(name, { feature: name, cut, row: i, full: a[i]!, truncated: b[i]! });
          break;
        }
      }
    }
  }
  return { ok: leaks.size === 0, cuts, leaks: [...leaks.values()] };
}
