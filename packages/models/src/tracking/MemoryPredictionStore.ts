import type { PredictionStore, TrackedPrediction } from './TrackedPrediction.type.js';

/**
 * A {@link PredictionStore} in memory: for tests and backtests, where nothing
 * has to survive the process.
 *
 * @example
 * ```ts
 * import { MemoryPredictionStore, PredictionTracker } from '@sextant/models';
 * const tracker = await PredictionTracker.open({ store: new MemoryPredictionStore() });
 * ```
 */
export class MemoryPredictionStore implements PredictionStore {
  #rows = new Map<string, TrackedPrediction>();

  /** @returns copies of the stored predictions, in insertion order */
  async load(): Promise<TrackedPrediction[]> {
    return [...this.#rows.values()].map((p) => ({ ...p }));
  }

  /** @param prediction - stored by id (a copy) */
  async put(prediction: TrackedPrediction): Promise<void> {
    this.#rows.set(prediction.id, { ...prediction });
  }
}
