import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, Model } from '../Model.type.js';
import { scoreClassification } from '../selection/scoreClassification.js';
import { scoreRegression } from '../selection/scoreRegression.js';

/**
 * A member's validation score, lower is better: MAE for regression, log-loss
 * for classification. Internal to the ensembles.
 *
 * @param model - a trained model
 * @param X - validation features
 * @param y - validation targets (class indices for classification)
 * @param task - regression or classification
 * @returns the score
 * @throws ModelError when a classification member has no predictProba or no row is scorable
 */
export function memberScore(
  model: Model,
  X: FeatureMatrix,
  y: ArrayLike<number>,
  task: 'regression' | 'classification',
): number {
  let score: number;
  if (task === 'classification') {
    if (!model.predictProba)
      throw new ModelError(`Model "${model.manifest.kind}" has no predictProba for classification`);
    score = scoreClassification(y, model.predictProba(X)).logloss;
  } else {
    score = scoreRegression(y, model.predict(X)).mae;
  }
  if (!Number.isFinite(score))
    throw new ModelError(`Model "${model.manifest.kind}" scored ${score} on the validation rows`);
  return score;
}
