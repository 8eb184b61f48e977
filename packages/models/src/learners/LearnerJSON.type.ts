import type { FeatureRangeJSON } from '../data/FeatureRange.js';
import type { ModelManifest } from '../Model.type.js';

/** The serialised form of every built-in learner: what `toJSON()` returns and `loadModel` reads. */
export interface LearnerJSON<S = unknown> {
  /** Always `sextant-model`. */
  format: 'sextant-model';
  /** The model manifest; `kind` selects the loader. */
  manifest: ModelManifest;
  /** Training feature range for the trust flag. */
  range: FeatureRangeJSON;
  /** Learner-specific fitted state (coefficients, trees, ...). */
  state: S;
}
