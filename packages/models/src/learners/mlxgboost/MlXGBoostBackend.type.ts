/** One ml-xgboost booster (the WASM build's JavaScript wrapper). */
export interface MlXGBoostBooster {
  /** Train on rows and targets. */
  train(X: number[][], y: number[]): void;
  /** Predict rows. */
  predict(X: number[][]): number[];
  /** Snapshot with the binary model bytes. */
  toJSON(): { name: string; model: number[]; options: Record<string, unknown> };
  /** Free the WASM memory. */
  free(): void;
}

/** The ml-xgboost booster class that {@link loadMlXGBoost} resolves to. */
export interface MlXGBoostBackend {
  /** Create a booster with xgboost parameters (`max_depth`, `eta`, `iterations`, ...). */
  new (options: Record<string, unknown>): MlXGBoostBooster;
  /** Restore a booster from its `toJSON()` snapshot. */
  load(model: object): MlXGBoostBooster;
}
