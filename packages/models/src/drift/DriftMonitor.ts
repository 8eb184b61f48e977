import { InvalidArgumentError, parseWith } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { isFeatureFrame } from '../data/isFeatureFrame.js';
import { ksTest } from './ksTest.js';
import { psi } from './psi.js';

/** Config of {@link DriftMonitor}. */
export const DriftMonitorConfigSchema = z.object({
  /** PSI at or above which a column has drifted. @default 0.2 */
  psiThreshold: z.number().positive().default(0.2),
  /** KS p-value below which a column may have drifted (together with `ksStatistic`). @default 0.01 */
  ksPValue: z.number().gt(0).lt(1).default(0.01),
  /** Minimum KS distance for a KS drift, so huge windows do not flag negligible shifts. @default 0.1 */
  ksStatistic: z.number().min(0).max(1).default(0.1),
  /** PSI bins (reference quantiles). @default 10 */
  bins: z.number().int().min(2).default(10),
  /** Live rows needed before a check reports anything. @default 50 */
  minSamples: z.number().int().min(1).default(50),
});

/** What users write for {@link DriftMonitor}. */
export type DriftMonitorConfig = z.input<typeof DriftMonitorConfigSchema>;

/** Feature columns by name (or a FeatureFrame), plus the model's predictions. */
export interface DriftSample {
  /** Feature columns by name, or a frame. */
  features: FeatureFrame | Readonly<Record<string, ArrayLike<number>>>;
  /** The model's predictions over the same rows. */
  predictions?: ArrayLike<number>;
}

/** Drift scores of one column. */
export interface ColumnDrift {
  /** Feature name, or `prediction`. */
  name: string;
  /** Population Stability Index. */
  psi: number;
  /** KS distance. */
  ks: number;
  /** KS asymptotic p-value. */
  pValue: number;
  /** Whether the column crossed a threshold. */
  drifted: boolean;
}

/** One check's result, also the payload of the `drift` event. */
export interface DriftReport {
  /** When the check ran (ms UTC, as given). */
  time: number;
  /** Live rows checked. */
  rows: number;
  /** Per feature. */
  features: ColumnDrift[];
  /** On predictions, when both samples had them. */
  predictions?: ColumnDrift;
  /** Names of the drifted columns (features and `prediction`). */
  drifted: string[];
}

/** Events of {@link DriftMonitor}. */
export interface DriftMonitorEvents {
  /** A check found at least one drifted column. */
  drift: [report: DriftReport];
}

/**
 * Watches the live feature and prediction distributions against the training
 * window: PSI and two-sample KS per feature and on predictions. `check`
 * returns a report and emits `drift` when a column has PSI >= `psiThreshold`,
 * or a KS p-value below `ksPValue` with a distance of at least `ksStatistic`.
 * Pair it with {@link retrainDecision} to retrain on drift.
 *
 * @example
 * ```ts
 * import { DriftMonitor } from '@sextant/models';
 * const monitor = new DriftMonitor({ psiThreshold: 0.25 });
 * monitor.setReference({ features: trainFrame, predictions: trainPreds });
 * monitor.on('drift', (r) => console.warn('drift in', r.drifted));
 * monitor.check({ features: liveFrame, predictions: livePreds }, Date.now());
 * ```
 */
export class DriftMonitor extends EventEmitter<DriftMonitorEvents> {
  /** The resolved config. */
  readonly config: Readonly<z.output<typeof DriftMonitorConfigSchema>>;
  #reference: { columns: Map<string, Float64Array>; predictions?: Float64Array } | undefined;

  /**
   * @param config - thresholds and bins
   * @throws ConfigError on out-of-range thresholds
   */
  constructor(config: DriftMonitorConfig = {}) {
    super();
    this.config = parseWith(DriftMonitorConfigSchema, config);
  }

  /**
   * Set the training-window sample to compare against.
   *
   * @param sample - training features and predictions
   * @throws InvalidArgumentError on an empty sample
   */
  setReference(sample: DriftSample): void {
    const columns = toColumns(sample.features);
    if (columns.size === 0) throw new InvalidArgumentError('Drift reference has no feature columns');
    this.#reference = {
      columns,
      ...(sample.predictions ? { predictions: Float64Array.from(sample.predictions) } : {}),
    };
  }

  /**
   * Compare a live window with the reference; emits `drift` when a column drifted.
   *
   * @param sample - live features (same names as the reference) and predictions
   * @param time - time of the check, ms UTC
   * @returns the report, or undefined while the live window has fewer than `minSamples` rows
   * @throws InvalidArgumentError before `setReference`, or when a reference feature is missing from the live sample
   */
  check(sample: DriftSample, time: number): DriftReport | undefined {
    const ref = this.#reference;
    if (!ref) throw new InvalidArgumentError('DriftMonitor.check called before setReference');
    const live = toColumns(sample.features);
    const rows = live.values().next().value?.length ?? 0;
    if (rows < this.config.minSamples) return undefined;
    const features: ColumnDrift[] = [];
    for (const [name, refCol] of ref.columns) {
      const col = live.get(name);
      if (!col)
        throw new InvalidArgumentError(`Live sample has no feature "${name}" (has ${[...live.keys()].join(', ')})`);
      features.push(this.#score(name, refCol, col));
    }
    const predictions =
      ref.predictions && sample.predictions
        ? this.#score('prediction', ref.predictions, sample.predictions)
        : undefined;
    const drifted = [...features, ...(predictions ? [predictions] : [])].filter((c) => c.drifted).map((c) => c.name);
    const report: DriftReport = { time, rows, features, ...(predictions ? { predictions } : {}), drifted };
    if (drifted.length > 0) this.emit('drift', report);
    return report;
  }

  #score(name: string, ref: ArrayLike<number>, live: ArrayLike<number>): ColumnDrift {
    const p = psi(ref, live, { bins: this.config.bins });
    const ks = ksTest(ref, live);
    const drifted =
      p >= this.config.psiThreshold || (ks.pValue < this.config.ksPValue && ks.statistic >= this.config.ksStatistic);
    return { name, psi: p, ks: ks.statistic, pValue: ks.pValue, drifted };
  }
}

function toColumns(features: DriftSample['features']): Map<string, Float64Array> {
  if (isFeatureFrame(features)) return new Map(features.names.map((n, i) => [n, features.columns[i]!]));
  return new Map(Object.entries(features).map(([n, c]) => [n, Float64Array.from(c)]));
}
