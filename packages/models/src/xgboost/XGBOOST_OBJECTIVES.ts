/**
 * xgboost objectives this package can evaluate, and how each turns the
 * summed margin into a prediction: `identity`, `sigmoid`, `softmax`
 * (probabilities), `argmax` (class index) or `exp`.
 *
 * @example
 * ```ts
 * import { XGBOOST_OBJECTIVES } from '@sextant/models';
 * XGBOOST_OBJECTIVES['binary:logistic']; // 'sigmoid'
 * ```
 */
export const XGBOOST_OBJECTIVES = {
  'reg:squarederror': 'identity',
  'reg:linear': 'identity',
  'reg:absoluteerror': 'identity',
  'reg:pseudohubererror': 'identity',
  'reg:squaredlogerror': 'identity',
  'binary:logitraw': 'identity',
  'reg:logistic': 'sigmoid',
  'binary:logistic': 'sigmoid',
  'multi:softprob': 'softmax',
  'multi:softmax': 'argmax',
  'count:poisson': 'exp',
  'reg:gamma': 'exp',
  'reg:tweedie': 'exp',
} as const;

/** One of {@link XGBOOST_OBJECTIVES}' keys. */
export type XGBoostObjective = keyof typeof XGBOOST_OBJECTIVES;
