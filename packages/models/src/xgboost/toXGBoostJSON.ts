import type { TreeEnsembleSpec } from './TreeEnsemble.js';
import type { XGBoostJSON, XGBoostJSONTree } from './XGBoostJSON.type.js';

/** Options of {@link toXGBoostJSON}. */
export interface ToXGBoostJSONOptions {
  /** `base_score` as xgboost stores it (probability for logistic objectives). */
  baseScore: number;
  /** Number of classes, 0 for one-output models. */
  numClass: number;
  /** Feature names to record (optional). */
  featureNames?: readonly string[];
  /** Booster attributes to record. */
  attributes?: Record<string, string>;
}

/**
 * Write a tree ensemble in xgboost's JSON model format (the layout of
 * xgboost 1.7, which xgboost 1.7 to 3.x load with `Booster(model_file=...)`).
 *
 * @param spec - the ensemble's trees, groups and objective
 * @param options - base score, class count, feature names
 * @returns the JSON object (serialise with `JSON.stringify`)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { GradientBoostingRegressor } from '@sextant/models';
 * const model = new GradientBoostingRegressor({ nEstimators: 10 }).fit(X, y);
 * writeFileSync('model.json', JSON.stringify(model.toXGBoostJSON()));
 * ```
 */
export function toXGBoostJSON(spec: TreeEnsembleSpec, options: ToXGBoostJSONOptions): XGBoostJSON {
  const nf = String(spec.numFeature);
  const trees: XGBoostJSONTree[] = spec.trees.map((t, id) => {
    const n = t.left.length;
    const parents = new Array<number>(n).fill(2147483647);
    for (let i = 0; i < n; i++) {
      if (t.left[i]! >= 0) {
        parents[t.left[i]!] = i;
        parents[t.right[i]!] = i;
      }
    }
    return {
      base_weights: Array.from(t.baseWeight),
      categories: [],
      categories_nodes: [],
      categories_segments: [],
      categories_sizes: [],
      default_left: Array.from(t.defaultLeft),
      id,
      left_children: Array.from(t.left),
      loss_changes: Array.from(t.lossChange),
      parents,
      right_children: Array.from(t.right),
      split_conditions: Array.from(t.threshold),
      split_indices: Array.from(t.feature),
      split_type: new Array<number>(n).fill(0),
      sum_hessian: Array.from(t.sumHessian),
      tree_param: { num_deleted: '0', num_feature: nf, num_nodes: String(n), size_leaf_vector: '0' },
    };
  });
  const names = options.featureNames ?? [];
  return {
    learner: {
      attributes: options.attributes ?? {},
      feature_names: [...names],
      feature_types: names.map(() => 'float'),
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(trees.length), size_leaf_vector: '0' },
          tree_info: Array.from(spec.treeGroup),
          trees,
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: Math.fround(options.baseScore).toExponential(8).toUpperCase(),
        boost_from_average: '1',
        num_class: String(options.numClass),
        num_feature: nf,
        num_target: '1',
      },
      objective: objectiveParams(spec.objective, options.numClass),
    },
    version: [1, 7, 4],
  };
}

function objectiveParams(name: string, numClass: number): XGBoostJSON['learner']['objective'] {
  if (name.startsWith('multi:')) return { name, softmax_multiclass_param: { num_class: String(numClass) } };
  return { name, reg_loss_param: { scale_pos_weight: '1' } };
}
