import { type CandleSeries, InvalidArgumentError } from '@sextant/core';
import { type FeatureFrame, forwardReturn } from '@sextant/features';

/** Rows to fit or evaluate a model on, pooled over markets. */
export interface TrainingSet {
  /** Feature rows. */
  X: number[][];
  /** Labels: forward return over the horizon. */
  y: Float64Array;
  /** Candle open time of each row, ms UTC. */
  timestamp: Float64Array;
  /** Market of each row. */
  symbol: string[];
}

/** Options of {@link buildTrainingSet}. */
export interface BuildTrainingSetOptions {
  /** Horizon of the forward-return label, in candles. */
  horizonBars: number;
  /** Keep rows with open time >= this, ms UTC. @default -Infinity */
  from?: number;
  /** Keep only rows whose label is known before this time (the test period's start), ms UTC. @default Infinity */
  labelsBefore?: number;
}

/**
 * Pool feature rows and forward-return labels (`forwardReturn` from
 * `@sextant/features`) of several markets. A row is kept when its features
 * and label are finite, its open time is >= `from`, and the candle its label
 * reads (`horizonBars` later) opens before `labelsBefore`: the training set
 * of a chronological split passes the test period's start there, which purges
 * the last `horizonBars` rows whose labels would peek into the test period.
 *
 * @param frames - feature frames by market (rows matched to candles by open time)
 * @param series - candles by market
 * @param options - horizon and time bounds
 * @returns rows, labels, times and markets
 * @throws InvalidArgumentError when a feature row has no candle with its open time
 * @example
 * ```ts
 * import { buildTrainingSet, chronologicalSplit } from '@sextant/cli';
 * const { testFrom } = chronologicalSplit(series, 0.7, 300_000);
 * const train = buildTrainingSet(frames, series, { horizonBars: 12, labelsBefore: testFrom });
 * const test = buildTrainingSet(frames, series, { horizonBars: 12, from: testFrom });
 * ```
 */
export function buildTrainingSet(
  frames: Readonly<Record<string, FeatureFrame>>,
  series: Readonly<Record<string, CandleSeries>>,
  options: BuildTrainingSetOptions,
): TrainingSet {
  const from = options.from ?? -Infinity;
  const labelsBefore = options.labelsBefore ?? Infinity;
  const h = options.horizonBars;
  const X: number[][] = [];
  const y: number[] = [];
  const ts: number[] = [];
  const symbols: string[] = [];
  for (const [symbol, frame] of Object.entries(frames)) {
    const s = series[symbol];
    if (s === undefined) continue;
    const rowOf = new Map<number, number>();
    for (let j = 0; j < s.length; j++) rowOf.set(s.timestamp[j] as number, j);
    const label = forwardReturn(s.close, h);
    for (let i = 0; i < frame.length; i++) {
      const t = frame.timestamp[i] as number;
      if (t < from) continue;
      const j = rowOf.get(t);
      if (j === undefined) {
        throw new InvalidArgumentError(`Feature row of "${symbol}" at ${t} ms has no candle with that open time`);
      }
      const labelCandle = s.timestamp[j + h];
      if (labelCandle === undefined || labelCandle >= labelsBefore) continue;
      const v = label[j] as number;
      if (!Number.isFinite(v)) continue;
      const row = new Array<number>(frame.columns.length);
      let ok = true;
      for (let k = 0; k < frame.columns.length; k++) {
        const x = (frame.columns[k] as Float64Array)[i] as number;
        if (!Number.isFinite(x)) {
          ok = false;
          break;
        }
        row[k] = x;
      }
      if (!ok) continue;
      X.push(row);
      y.push(v);
      ts.push(t);
      symbols.push(symbol);
    }
  }
  return { X, y: Float64Array.from(y), timestamp: Float64Array.from(ts), symbol: symbols };
}
