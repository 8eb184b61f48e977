import type { Model } from '../Model.type.js';

/**
 * Restores a model from its `toJSON()` snapshot, dispatching on its kind
 * (e.g. the package's model loader, or a switch over the learners you use).
 * Ensembles and the model store take one, so they never need to know every
 * learner.
 */
export type ModelLoader = (json: unknown) => Model;
