import type { XGBoostJSON } from '../xgboost/XGBoostJSON.type.js';

/** Fitted state of the gradient boosting learners: the model in xgboost's JSON format. */
export interface GbdtState {
  /** The trees, loadable by native xgboost. */
  xgboost: XGBoostJSON;
  /** Class labels in index order (classifiers). */
  classes?: number[];
  /** Boosting rounds kept. */
  rounds: number;
  /** Validation metric per round (rmse or logloss). */
  history: number[];
}
