import { ModelError } from '../errors/ModelError.js';
import type { TreeArrays } from './TreeArrays.type.js';
import { TreeEnsemble } from './TreeEnsemble.js';
import type { XGBoostJSON, XGBoostJSONTree } from './XGBoostJSON.type.js';
import { XGBOOST_OBJECTIVES, type XGBoostObjective } from './XGBOOST_OBJECTIVES.js';

/** What {@link parseXGBoostJSON} reads from a saved xgboost model. */
export interface ParsedXGBoost {
  /** The float32 evaluator. */
  ensemble: TreeEnsemble;
  /** Objective name. */
  objective: XGBoostObjective;
  /** Number of classes (0 for one-output models, as xgboost writes it). */
  numClass: number;
  /** Number of features. */
  numFeature: number;
  /** Feature names when the model was saved with them (else empty). */
  featureNames: string[];
  /** `base_score` as stored (probability space for logistic objectives). */
  baseScore: number[];
  /** Booster attributes (`best_iteration`, ...). */
  attributes: Record<string, string>;
}

/**
 * Parse xgboost's JSON model format (`booster.save_model('m.json')`, xgboost
 * 1.x to 3.x, `gbtree` booster, numerical splits) into a {@link TreeEnsemble}.
 * The base score is turned into a margin as xgboost does (`logit` for
 * logistic objectives, `log` for count/gamma/tweedie).
 *
 * @param input - the JSON text or the parsed object
 * @returns the ensemble and model metadata
 * @throws ModelError when the JSON is malformed, the booster is not `gbtree`, a split is categorical or the objective is unsupported
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseXGBoostJSON } from '@sextant/models';
 * const { ensemble, objective } = parseXGBoostJSON(readFileSync('model.json', 'utf8'));
 * ```
 */
export function parseXGBoostJSON(input: string | object): ParsedXGBoost {
  let json: XGBoostJSON;
  try {
    json = (typeof input === 'string' ? JSON.parse(input) : input) as XGBoostJSON;
  } catch (e) {
    throw new ModelError(`xgboost model is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const learner = json?.learner;
  if (!learner?.gradient_booster || !learner.learner_model_param || !learner.objective) {
    throw new ModelError(
      'Not an xgboost JSON model: missing learner.gradient_booster / learner_model_param / objective',
    );
  }
  const booster = learner.gradient_booster;
  if (booster.name !== 'gbtree') {
    throw new ModelError(`xgboost booster "${String(booster.name)}" is not supported (only "gbtree")`);
  }
  const objective = learner.objective.name as XGBoostObjective;
  if (!(objective in XGBOOST_OBJECTIVES)) {
    throw new ModelError(`xgboost objective "${String(objective)}" is not supported`, {
      details: { supported: Object.keys(XGBOOST_OBJECTIVES) },
    });
  }
  const param = learner.learner_model_param;
  const numClass = Number(param.num_class);
  const numFeature = Number(param.num_feature);
  const numTarget = Number(param.num_target ?? '1');
  if (!Number.isInteger(numFeature) || numFeature < 1) throw new ModelError(`Bad num_feature "${param.num_feature}"`);
  if (numTarget > 1)
    throw new ModelError(`Multi-target xgboost models are not supported (num_target "${param.num_target}")`);
  const numGroup = Math.max(1, numClass);
  const trees = (booster.model?.trees ?? []).map((t, i) => readTree(t, i, numFeature));
  const treeGroup = booster.model?.tree_info ?? [];
  if (treeGroup.length !== trees.length || treeGroup.some((g) => !(g >= 0 && g < numGroup))) {
    throw new ModelError(
      `tree_info has ${treeGroup.length} entries for ${trees.length} trees or a group outside 0..${numGroup - 1}`,
    );
  }
  const baseScore = String(param.base_score)
    .replace(/[[\]]/g, '')
    .split(',')
    .map((s) => Math.fround(Number(s)));
  if (baseScore.some((b) => Number.isNaN(b)) || (baseScore.length !== 1 && baseScore.length !== numGroup)) {
    throw new ModelError(`Bad base_score "${param.base_score}"`);
  }
  const baseMargin = Array.from({ length: numGroup }, (_, g) =>
    toMargin(objective, baseScore[baseScore.length === 1 ? 0 : g]!),
  );
  return {
    ensemble: new TreeEnsemble({ trees, treeGroup, numGroup, numFeature, baseMargin, objective }),
    objective,
    numClass,
    numFeature,
    featureNames: learner.feature_names ?? [],
    baseScore,
    attributes: learner.attributes ?? {},
  };
}

function toMargin(objective: XGBoostObjective, b: number): number {
  const f = Math.fround;
  if (objective === 'binary:logistic' || objective === 'reg:logistic' || objective === 'binary:logitraw') {
    return f(-Math.log(f(f(1 / b) - 1)));
  }
  if (XGBOOST_OBJECTIVES[objective] === 'exp') return f(Math.log(b));
  return b;
}

function readTree(t: XGBoostJSONTree, index: number, numFeature: number): TreeArrays {
  const n = Number(t?.tree_param?.num_nodes);
  const arrays = ['left_children', 'right_children', 'split_indices', 'split_conditions', 'default_left'] as const;
  for (const key of arrays) {
    if (!Array.isArray(t?.[key]) || t[key].length !== n) {
      throw new ModelError(`xgboost tree ${index}: "${key}" must have num_nodes (${String(n)}) entries`);
    }
  }
  if (Number(t.tree_param.size_leaf_vector ?? 0) > 1)
    throw new ModelError(`xgboost tree ${index} has vector leaves (not supported)`);
  if (t.split_type?.some((s) => s !== 0))
    throw new ModelError(`xgboost tree ${index} has categorical splits (not supported)`);
  const left = Int32Array.from(t.left_children);
  const right = Int32Array.from(t.right_children);
  const feature = Int32Array.from(t.split_indices);
  for (let i = 0; i < n; i++) {
    const l = left[i]!;
    if (l === -1) continue;
    if (!(l > i && l < n && right[i]! > i && right[i]! < n) || feature[i]! < 0 || feature[i]! >= numFeature) {
      throw new ModelError(
        `xgboost tree ${index} node ${i}: children ${l}/${right[i]} or feature ${feature[i]} out of range`,
      );
    }
  }
  const zeros = () => new Float32Array(n);
  return {
    left,
    right,
    feature,
    threshold: Float32Array.from(t.split_conditions),
    defaultLeft: Uint8Array.from(t.default_left),
    baseWeight:
      Array.isArray(t.base_weights) && t.base_weights.length === n ? Float32Array.from(t.base_weights) : zeros(),
    lossChange:
      Array.isArray(t.loss_changes) && t.loss_changes.length === n ? Float32Array.from(t.loss_changes) : zeros(),
    sumHessian: Array.isArray(t.sum_hessian) && t.sum_hessian.length === n ? Float32Array.from(t.sum_hessian) : zeros(),
  };
}
