// Types for the parts of ml-xgboost (untyped; an xgboost 0.x build to WASM) used here.
declare module 'ml-xgboost' {
  export interface MlXGBoostBooster {
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
    toJSON(): { name: string; model: number[]; options: Record<string, unknown> };
    free(): void;
  }
  export interface MlXGBoostClass {
    new (options: Record<string, unknown>): MlXGBoostBooster;
    load(model: object): MlXGBoostBooster;
  }
  const ready: Promise<MlXGBoostClass>;
  export default ready;
}
