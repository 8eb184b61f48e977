import { ModelError } from '../errors/ModelError.js';
import type { LightGBMTree } from './LightGBMTree.type.js';

/** A LightGBM model read by {@link parseLightGBM}. */
export interface ParsedLightGBM {
  /** Objective line, e.g. `regression`, `binary sigmoid:1`, `multiclass num_class:3`. */
  objective: string;
  /** Classes (1 for regression and binary). */
  numClass: number;
  /** Trees per boosting iteration (= numClass for multiclass). */
  treesPerIteration: number;
  /** Number of features (`max_feature_idx + 1`). */
  numFeature: number;
  /** Feature names. */
  featureNames: string[];
  /** Random-forest mode: the output is the average over iterations. */
  averageOutput: boolean;
  /** The trees. */
  trees: LightGBMTree[];
}

/**
 * Read a LightGBM model: the text format of `booster.save_model('m.txt')` /
 * `model_to_string()`, or the JSON of `booster.dump_model()`. Numerical
 * splits only (categorical and linear trees are refused).
 *
 * @param input - the model text, the JSON text, or the parsed JSON object
 * @returns the parsed model
 * @throws ModelError when the input is neither format or uses an unsupported feature
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseLightGBM } from '@sextant/models';
 * const parsed = parseLightGBM(readFileSync('model.txt', 'utf8'));
 * ```
 */
export function parseLightGBM(input: string | object): ParsedLightGBM {
  if (typeof input === 'string') {
    const text = input.trimStart();
    if (text.startsWith('{')) {
      try {
        return fromJSON(JSON.parse(text) as DumpJSON);
      } catch (e) {
        if (e instanceof ModelError) throw e;
        throw new ModelError(`LightGBM JSON is not valid JSON: ${(e as Error).message}`, { cause: e });
      }
    }
    return fromText(text);
  }
  return fromJSON(input as DumpJSON);
}

function fromText(text: string): ParsedLightGBM {
  if (!text.startsWith('tree')) throw new ModelError('Not a LightGBM model: text does not start with "tree"');
  const blocks = text.split(/\n\s*\n/);
  const header = keyValues(blocks[0]!);
  const trees: LightGBMTree[] = [];
  for (const block of blocks.slice(1)) {
    const kv = keyValues(block);
    if (kv.Tree === undefined) continue;
    if (Number(kv.num_cat ?? 0) > 0)
      throw new ModelError(`LightGBM Tree=${kv.Tree} has categorical splits (not supported)`);
    if (Number(kv.is_linear ?? 0) !== 0)
      throw new ModelError(`LightGBM Tree=${kv.Tree} is a linear tree (not supported)`);
    const leaves = Number(kv.num_leaves);
    const nums = (key: string, n: number) => {
      const raw = kv[key];
      const values = raw === undefined || raw === '' ? [] : raw.split(' ').map(Number);
      if (values.length !== n || values.some(Number.isNaN)) {
        throw new ModelError(
          `LightGBM Tree=${kv.Tree}: "${key}" must have ${n} numbers, got "${String(raw).slice(0, 60)}"`,
        );
      }
      return values;
    };
    const internal = Math.max(0, leaves - 1);
    trees.push(
      checkTree(
        {
          splitFeature: Int32Array.from(nums('split_feature', internal)),
          threshold: Float64Array.from(nums('threshold', internal)),
          decisionType: Uint8Array.from(nums('decision_type', internal)),
          leftChild: Int32Array.from(nums('left_child', internal)),
          rightChild: Int32Array.from(nums('right_child', internal)),
          leafValue: Float64Array.from(nums('leaf_value', leaves)),
        },
        trees.length,
      ),
    );
  }
  return finish({
    objective: header.objective ?? '',
    numClass: Number(header.num_class ?? 1),
    treesPerIteration: Number(header.num_tree_per_iteration ?? 1),
    numFeature: Number(header.max_feature_idx) + 1,
    featureNames: header.feature_names ? header.feature_names.split(' ') : [],
    averageOutput: 'average_output' in header,
    trees,
  });
}

function keyValues(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    else if (line.trim()) out[line.trim()] = '';
  }
  return out;
}

interface DumpNode {
  split_feature?: number;
  threshold?: number | string;
  decision_type?: string;
  default_left?: boolean;
  missing_type?: string;
  left_child?: DumpNode;
  right_child?: DumpNode;
  leaf_value?: number;
}

interface DumpJSON {
  name?: string;
  num_class?: number;
  num_tree_per_iteration?: number;
  max_feature_idx?: number;
  objective?: string;
  average_output?: boolean;
  feature_names?: string[];
  tree_info?: { num_cat?: number; tree_structure: DumpNode }[];
}

function fromJSON(json: DumpJSON): ParsedLightGBM {
  if (json?.name !== 'tree' || !Array.isArray(json.tree_info)) {
    throw new ModelError('Not a LightGBM dump_model() JSON: expected name "tree" and a tree_info array');
  }
  const trees = json.tree_info.map((info, t) => {
    if (Number(info.num_cat ?? 0) > 0)
      throw new ModelError(`LightGBM tree ${t} has categorical splits (not supported)`);
    const feature: number[] = [];
    const threshold: number[] = [];
    const decision: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const leafValue: number[] = [];
    const visit = (node: DumpNode): number => {
      if (node.left_child === undefined || node.right_child === undefined) {
        if (typeof node.leaf_value !== 'number') throw new ModelError(`LightGBM tree ${t}: a leaf without leaf_value`);
        leafValue.push(node.leaf_value);
        return ~(leafValue.length - 1);
      }
      if (node.decision_type !== '<=') {
        throw new ModelError(`LightGBM tree ${t}: decision_type "${String(node.decision_type)}" is not supported`);
      }
      const id = feature.length;
      const missing = node.missing_type === 'NaN' ? 2 : node.missing_type === 'Zero' ? 1 : 0;
      feature.push(Number(node.split_feature));
      threshold.push(Number(node.threshold));
      decision.push((node.default_left ? 2 : 0) | (missing << 2));
      left.push(0);
      right.push(0);
      left[id] = visit(node.left_child);
      right[id] = visit(node.right_child);
      return id;
    };
    visit(info.tree_structure);
    return checkTree(
      {
        splitFeature: Int32Array.from(feature),
        threshold: Float64Array.from(threshold),
        decisionType: Uint8Array.from(decision),
        leftChild: Int32Array.from(left),
        rightChild: Int32Array.from(right),
        leafValue: Float64Array.from(leafValue),
      },
      t,
    );
  });
  return finish({
    objective: json.objective ?? '',
    numClass: Number(json.num_class ?? 1),
    treesPerIteration: Number(json.num_tree_per_iteration ?? 1),
    numFeature: Number(json.max_feature_idx) + 1,
    featureNames: json.feature_names ?? [],
    averageOutput: json.average_output === true,
    trees,
  });
}

function checkTree(t: LightGBMTree, index: number): LightGBMTree {
  const internal = t.splitFeature.length;
  const leaves = t.leafValue.length;
  const ok = (c: number) => (c < 0 ? ~c < leaves : c > 0 && c < internal);
  for (let i = 0; i < internal; i++) {
    if (!ok(t.leftChild[i]!) || !ok(t.rightChild[i]!) || (t.decisionType[i]! & 1) === 1) {
      throw new ModelError(
        `LightGBM tree ${index} node ${i}: bad children ${t.leftChild[i]}/${t.rightChild[i]} or categorical split`,
      );
    }
  }
  if (leaves !== internal + 1) throw new ModelError(`LightGBM tree ${index}: ${leaves} leaves for ${internal} splits`);
  return t;
}

function finish(p: ParsedLightGBM): ParsedLightGBM {
  const kind = p.objective.split(' ')[0] ?? '';
  const supported = [
    'regression',
    'regression_l2',
    'regression_l1',
    'huber',
    'fair',
    'quantile',
    'mape',
    'binary',
    'multiclass',
    'poisson',
    'gamma',
    'tweedie',
    'cross_entropy',
  ];
  if (!supported.includes(kind))
    throw new ModelError(`LightGBM objective "${p.objective}" is not supported`, { details: { supported } });
  if (!Number.isInteger(p.numFeature) || p.numFeature < 1)
    throw new ModelError(`Bad LightGBM max_feature_idx (${p.numFeature - 1})`);
  if (p.trees.length % p.treesPerIteration !== 0) {
    throw new ModelError(
      `LightGBM model has ${p.trees.length} trees, not a multiple of ${p.treesPerIteration} per iteration`,
    );
  }
  for (const [i, t] of p.trees.entries()) {
    if (t.splitFeature.some((f) => f < 0 || f >= p.numFeature))
      throw new ModelError(`LightGBM tree ${i} splits on a feature >= ${p.numFeature}`);
  }
  return p;
}
