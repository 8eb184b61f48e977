import { GradientBoostingRegressor, LinearRegressor, type LearnerJSON, type Model, ModelError } from '@sextant/models';

/**
 * Restore a model the CLI trained from its `model.json` snapshot (the
 * loader handed to `ModelStore`), by the manifest's kind.
 *
 * @throws ModelError for a kind the CLI does not train
 */
export function restoreModel(json: unknown): Model {
  const kind = (json as Partial<LearnerJSON>)?.manifest?.kind;
  if (kind === 'gbdt-regressor') return GradientBoostingRegressor.fromJSON(json as LearnerJSON<never>);
  if (kind === 'linear-regressor') return LinearRegressor.fromJSON(json as LearnerJSON<never>);
  throw new ModelError(`Cannot restore a model of kind "${String(kind)}"; expected gbdt-regressor or linear-regressor`);
}
