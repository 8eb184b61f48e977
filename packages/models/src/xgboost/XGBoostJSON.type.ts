/** One tree as xgboost's JSON model format writes it (`booster.save_model('m.json')`). */
export interface XGBoostJSONTree {
  base_weights: number[];
  categories: number[];
  categories_nodes: number[];
  categories_segments: number[];
  categories_sizes: number[];
  default_left: number[];
  id: number;
  left_children: number[];
  loss_changes: number[];
  parents: number[];
  right_children: number[];
  split_conditions: number[];
  split_indices: number[];
  split_type: number[];
  sum_hessian: number[];
  tree_param: { num_deleted: string; num_feature: string; num_nodes: string; size_leaf_vector: string };
}

/** The subset of xgboost's JSON model schema (v1.7, also read by 2.x/3.x) this package reads and writes. */
export interface XGBoostJSON {
  learner: {
    attributes: Record<string, string>;
    feature_names: string[];
    feature_types: string[];
    gradient_booster: {
      model: {
        gbtree_model_param: { num_parallel_tree: string; num_trees: string; size_leaf_vector?: string };
        tree_info: number[];
        trees: XGBoostJSONTree[];
      };
      name: string;
    };
    learner_model_param: {
      base_score: string;
      boost_from_average?: string;
      num_class: string;
      num_feature: string;
      num_target?: string;
    };
    objective: { name: string; [k: string]: unknown };
  };
  version: number[];
}
