import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '@sextant/core';
import type { PredictionStore, TrackedPrediction } from './TrackedPrediction.type.js';

/** Options of {@link PredictionTracker.open}. */
export interface PredictionTrackerOptions {
  /** Where predictions are kept. */
  store: PredictionStore;
  /** Resolved predictions per model and horizon that the rolling stats cover. @default 500 */
  window?: number;
  /** Calibration bins over predicted probabilities. @default 10 */
  calibrationBins?: number;
}

/** A prediction to record. */
export interface RecordPredictionInput {
  /** Model name. */
  model: string;
  /** Horizon label, e.g. `1h`. */
  horizon: string;
  /** Horizon length, ms. */
  horizonMs: number;
  /** When the prediction is made, ms UTC. */
  time: number;
  /** Predicted value. */
  value: number;
  /** Predicted probability of the positive outcome, 0..1 (classifiers). */
  probability?: number;
  /** Id; a random UUID when omitted. */
  id?: string;
}

/** One reliability bin. */
export interface CalibrationBin {
  /** Lower edge of predicted probability. */
  from: number;
  /** Upper edge. */
  to: number;
  /** Predictions in the bin. */
  count: number;
  /** Mean predicted probability. */
  meanPredicted: number;
  /** Observed share of positive outcomes. */
  observedRate: number;
}

/** Rolling stats of one model and horizon. */
export interface TrackerStats {
  /** Resolved predictions covered (at most `window`). */
  count: number;
  /** Predictions still waiting for their horizon. */
  pending: number;
  /** Share right: sign of value vs sign of actual, or probability >= 0.5 vs actual > 0 when a probability was given. */
  accuracy: number;
  /** Mean absolute error of value vs actual. */
  mae: number;
  /** Brier score of the probabilities (NaN without probabilities). */
  brier: number;
  /** Expected calibration error: count-weighted mean |meanPredicted - observedRate| over bins. */
  ece: number;
  /** Reliability bins (non-empty ones). */
  calibration: CalibrationBin[];
}

/**
 * Records every prediction, resolves it when its horizon has passed, and
 * keeps rolling accuracy, MAE and calibration per model and horizon: what
 * {@link confidence} needs as the track record. Persistence goes through an
 * injected {@link PredictionStore}, so the host can keep it in its state store.
 *
 * @example
 * ```ts
 * import { FilePredictionStore, PredictionTracker } from '@sextant/models';
 * const tracker = await PredictionTracker.open({ store: new FilePredictionStore('state/predictions.jsonl') });
 * await tracker.record({ model: 'gbdt', horizon: '1h', horizonMs: 3_600_000, time: now, value: 0.004 });
 * await tracker.resolveDue(later, (p) => realisedReturn(p.time, p.dueAt));
 * tracker.stats('gbdt', '1h').accuracy;
 * ```
 */
export class PredictionTracker {
  #store: PredictionStore;
  #window: number;
  #bins: number;
  #pending = new Map<string, TrackedPrediction>();
  #resolved = new Map<string, TrackedPrediction[]>();
  #ids = new Set<string>();

  private constructor(options: PredictionTrackerOptions) {
    this.#store = options.store;
    this.#window = options.window ?? 500;
    this.#bins = options.calibrationBins ?? 10;
  }

  /**
   * Open a tracker, reloading what the store holds.
   *
   * @param options - store, rolling window, calibration bins
   * @returns the tracker
   * @throws InvalidArgumentError on a window or bin count below 1
   */
  static async open(options: PredictionTrackerOptions): Promise<PredictionTracker> {
    for (const [name, v] of [
      ['window', options.window],
      ['calibrationBins', options.calibrationBins],
    ] as const) {
      if (v !== undefined && !(Number.isInteger(v) && v >= 1))
        throw new InvalidArgumentError(`${name} must be an integer >= 1, got ${v}`);
    }
    const t = new PredictionTracker(options);
    const stored = await options.store.load();
    stored.sort((a, b) => (a.resolvedAt ?? Number.POSITIVE_INFINITY) - (b.resolvedAt ?? Number.POSITIVE_INFINITY));
    for (const p of stored) t.#index(p);
    return t;
  }

  /**
   * Record a prediction (persisted before returning).
   *
   * @param input - model, horizon, time and value
   * @returns the tracked prediction
   * @throws InvalidArgumentError on a non-finite value or time, a horizon <= 0, a probability outside 0..1, or a duplicate id
   */
  async record(input: RecordPredictionInput): Promise<TrackedPrediction> {
    const { model, horizon, horizonMs, time, value, probability } = input;
    if (!Number.isFinite(time)) throw new InvalidArgumentError(`Prediction time must be finite, got ${time}`);
    if (!Number.isFinite(value)) throw new InvalidArgumentError(`Prediction value must be finite, got ${value}`);
    if (!(horizonMs > 0)) throw new InvalidArgumentError(`horizonMs must be > 0, got ${horizonMs}`);
    if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
      throw new InvalidArgumentError(`probability must be in 0..1, got ${probability}`);
    }
    const id = input.id ?? randomUUID();
    if (this.#ids.has(id)) throw new InvalidArgumentError(`Prediction id "${id}" is already recorded`);
    const p: TrackedPrediction = {
      id,
      model,
      horizon,
      time,
      dueAt: time + horizonMs,
      value,
      ...(probability !== undefined ? { probability } : {}),
    };
    await this.#store.put(p);
    this.#index(p);
    return p;
  }

  /**
   * Resolve every pending prediction whose horizon has passed by `now` and
   * whose outcome `outcome` knows (return undefined to leave it pending).
   *
   * @param now - current time, ms UTC
   * @param outcome - the realised value of a prediction (forward return, or 1/0 for the event)
   * @returns the predictions resolved now
   * @throws InvalidArgumentError when `outcome` returns a non-finite number
   */
  async resolveDue(now: number, outcome: (p: TrackedPrediction) => number | undefined): Promise<TrackedPrediction[]> {
    const done: TrackedPrediction[] = [];
    for (const p of [...this.#pending.values()].sort((a, b) => a.dueAt - b.dueAt)) {
      if (p.dueAt > now) continue;
      const actual = outcome(p);
      if (actual === undefined) continue;
      if (!Number.isFinite(actual))
        throw new InvalidArgumentError(`Outcome of prediction "${p.id}" must be finite, got ${actual}`);
      const r = { ...p, actual, resolvedAt: now };
      await this.#store.put(r);
      this.#pending.delete(p.id);
      this.#index(r);
      done.push(r);
    }
    return done;
  }

  /** @returns predictions waiting for their horizon, oldest due first */
  pending(): TrackedPrediction[] {
    return [...this.#pending.values()].sort((a, b) => a.dueAt - b.dueAt);
  }

  /**
   * Rolling stats over the last `window` resolved predictions of a model and horizon.
   *
   * @param model - model name
   * @param horizon - horizon label
   * @returns accuracy, MAE, Brier, ECE and reliability bins (NaN when nothing is resolved)
   */
  stats(model: string, horizon: string): TrackerStats {
    const rows = (this.#resolved.get(`${model}\u0000${horizon}`) ?? []).slice(-this.#window);
    const pending = [...this.#pending.values()].filter((p) => p.model === model && p.horizon === horizon).length;
    let hits = 0;
    let abs = 0;
    let brier = 0;
    let withP = 0;
    const bins = Array.from({ length: this.#bins }, () => ({ n: 0, p: 0, o: 0 }));
    for (const r of rows) {
      const actual = r.actual!;
      abs += Math.abs(r.value - actual);
      if (r.probability !== undefined) {
        const event = actual > 0 ? 1 : 0;
        hits += (r.probability >= 0.5 ? 1 : 0) === event ? 1 : 0;
        brier += (r.probability - event) ** 2;
        withP++;
        const b = bins[Math.min(this.#bins - 1, Math.floor(r.probability * this.#bins))]!;
        b.n++;
        b.p += r.probability;
        b.o += event;
      } else if (Math.sign(r.value) === Math.sign(actual)) {
        hits++;
      }
    }
    const n = rows.length;
    const calibration = bins
      .map((b, i) => ({
        from: i / this.#bins,
        to: (i + 1) / this.#bins,
        count: b.n,
        meanPredicted: b.p / b.n,
        observedRate: b.o / b.n,
      }))
      .filter((b) => b.count > 0);
    const ece =
      withP === 0
        ? Number.NaN
        : calibration.reduce((s, b) => s + (b.count / withP) * Math.abs(b.meanPredicted - b.observedRate), 0);
    return {
      count: n,
      pending,
      accuracy: n === 0 ? Number.NaN : hits / n,
      mae: n === 0 ? Number.NaN : abs / n,
      brier: withP === 0 ? Number.NaN : brier / withP,
      ece,
      calibration,
    };
  }

  #index(p: TrackedPrediction): void {
    this.#ids.add(p.id);
    if (p.actual === undefined) {
      this.#pending.set(p.id, p);
      return;
    }
    this.#pending.delete(p.id);
    const key = `${p.model}\u0000${p.horizon}`;
    const list = this.#resolved.get(key) ?? [];
    list.push(p);
    if (list.length > this.#window * 2) list.splice(0, list.length - this.#window);
    this.#resolved.set(key, list);
  }
}
