/** One prediction followed until its horizon passes. */
export interface TrackedPrediction {
  /** Unique id. */
  id: string;
  /** Model name (e.g. store key or ensemble name). */
  model: string;
  /** Horizon label, e.g. `1h`. */
  horizon: string;
  /** When the prediction was made, ms UTC. */
  time: number;
  /** When its outcome is known (`time + horizonMs`), ms UTC. */
  dueAt: number;
  /** Predicted value (a forward return, a class index...). */
  value: number;
  /** Predicted probability of the positive outcome (classifiers), 0..1. */
  probability?: number;
  /** Realised value, once resolved (the forward return, or 1/0 for the event). */
  actual?: number;
  /** When it was resolved, ms UTC. */
  resolvedAt?: number;
}

/**
 * Where a {@link PredictionTracker} keeps its predictions so they survive a
 * restart. Implement it on the host's state store (SQLite, PostgreSQL);
 * `MemoryPredictionStore` and `FilePredictionStore` come with the package.
 */
export interface PredictionStore {
  /** Every stored prediction, in insertion order. */
  load(): Promise<TrackedPrediction[]>;
  /** Insert or replace a prediction by id. */
  put(prediction: TrackedPrediction): Promise<void>;
}
