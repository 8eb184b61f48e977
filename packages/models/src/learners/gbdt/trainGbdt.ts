import type { Matrix } from '../../data/Matrix.type.js';
import type { TreeArrays } from '../../xgboost/TreeArrays.type.js';
import { seededRandom as createRng } from '@sextant/core';
import { type BinnedFeatures, binFeatures, computeCuts, MISSING_BIN, withHistOffsets } from './binFeatures.js';
import { type GrownTree, GrowWorkspace, growTree } from './growTree.js';

/** Resolved boosting parameters (xgboost names). */
export interface GbdtParams {
  nEstimators: number;
  maxDepth: number;
  learningRate: number;
  subsample: number;
  colsampleByTree: number;
  minChildWeight: number;
  lambda: number;
  gamma: number;
  maxBin: number;
  seed: number;
  earlyStoppingRounds?: number | undefined;
}

/** Loss: squared error, binary logistic, or multiclass softmax (softprob). */
export type GbdtLoss = 'squared' | 'logistic' | 'softmax';

/** Result of {@link trainGbdt}. */
export interface GbdtResult {
  trees: TreeArrays[];
  treeGroup: number[];
  /** Base score as xgboost stores it (probability for logistic). */
  baseScore: number;
  /** Base margin per group. */
  baseMargin: number[];
  /** Rounds kept (best round + 1 with early stopping). */
  rounds: number;
  /** Validation metric per round (rmse or logloss), empty without validation. */
  history: number[];
  /** Training margins (float64 sums of the float32 leaves), rows x groups, with every round grown. */
  margins: Float64Array;
}

/**
 * Histogram gradient boosting (Newton boosting as in xgboost's `hist` tree
 * method): quantile-binned features, depth-wise trees, L2 on leaves, min
 * child weight, shrinkage, Bernoulli row subsampling and per-tree column
 * sampling from a seeded generator, early stopping on a validation set.
 * `y` holds targets (squared), 0/1 labels (logistic) or class indices (softmax).
 */
export function trainGbdt(
  X: Matrix,
  y: Float64Array,
  K: number,
  loss: GbdtLoss,
  weight: Float64Array | undefined,
  validation: { X: Matrix; y: Float64Array } | undefined,
  params: GbdtParams,
): GbdtResult {
  const n = X.rows;
  const p = X.cols;
  const cuts = computeCuts(X, params.maxBin);
  const data = withHistOffsets(binFeatures(X, cuts));
  const val = validation ? binFeatures(validation.X, cuts) : undefined;
  const rand = createRng(params.seed);
  const { baseScore, baseMargin } = initialScore(y, weight, K, loss);
  const F = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) F[i * K + k] = Math.fround(baseMargin[k]!);
  const VF = val ? new Float64Array(val.rows * K) : undefined;
  if (VF) for (let i = 0; i < VF.length; i++) VF[i] = Math.fround(baseMargin[i % K]!);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rowIdx = new Uint32Array(n);
  const ws = new GrowWorkspace(p, n);
  const grow = {
    maxDepth: params.maxDepth,
    lambda: params.lambda,
    minChildWeight: params.minChildWeight,
    gamma: params.gamma,
    eta: params.learningRate,
  };
  const nFeat = Math.max(1, Math.floor(params.colsampleByTree * p));
  const allFeats = Int32Array.from({ length: p }, (_, i) => i);
  const trees: TreeArrays[] = [];
  const treeGroup: number[] = [];
  const history: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  let bestRound = -1;
  const prob = new Float64Array(K);
  const inSample = new Uint8Array(n);
  for (let round = 0; round < params.nEstimators; round++) {
    let count = 0;
    for (let i = 0; i < n; i++) if (params.subsample >= 1 || rand() < params.subsample) rowIdx[count++] = i;
    for (let k = 0; k < K; k++) {
      gradients(F, y, weight, K, k, loss, g, h, prob);
      const feats = nFeat === p ? allFeats : sampleFeatures(p, nFeat, rand);
      const tree = growTree(data, g, h, rowIdx, count, feats, grow, ws);
      addLeaves(tree, rowIdx, F, K, k);
      if (count < n) addTree(tree, data, F, K, k, sampled(rowIdx, count, n, inSample));
      // rowIdx was reordered; restore ascending order for cache-friendly scans next time.
      if (K > 1) rowIdx.subarray(0, count).sort();
      if (val && VF) addTree(tree, val, VF, K, k);
      trees.push(tree);
      treeGroup.push(k);
    }
    if (val && VF && validation) {
      const metric = evalMetric(VF, validation.y, K, loss);
      history.push(metric);
      if (metric < best) {
        best = metric;
        bestRound = round;
      } else if (params.earlyStoppingRounds !== undefined && round - bestRound >= params.earlyStoppingRounds) break;
    }
  }
  let rounds = trees.length / K;
  if (params.earlyStoppingRounds !== undefined && bestRound >= 0) rounds = bestRound + 1;
  return {
    trees: trees.slice(0, rounds * K),
    treeGroup: treeGroup.slice(0, rounds * K),
    baseScore,
    baseMargin,
    rounds,
    history,
    margins: F,
  };
}

function initialScore(y: Float64Array, w: Float64Array | undefined, K: number, loss: GbdtLoss) {
  if (loss === 'softmax') return { baseScore: 0.5, baseMargin: new Array<number>(K).fill(0.5) };
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i]! : 1;
    s += wi * y[i]!;
    sw += wi;
  }
  const mean = sw > 0 ? s / sw : 0;
  if (loss === 'squared') {
    const b = Math.fround(mean);
    return { baseScore: b, baseMargin: [b] };
  }
  const pr = Math.fround(Math.min(1 - 1e-6, Math.max(1e-6, mean)));
  return { baseScore: pr, baseMargin: [Math.fround(-Math.log(1 / pr - 1))] };
}

function gradients(
  F: Float64Array,
  y: Float64Array,
  w: Float64Array | undefined,
  K: number,
  k: number,
  loss: GbdtLoss,
  g: Float64Array,
  h: Float64Array,
  prob: Float64Array,
): void {
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    if (loss === 'squared') {
      g[i] = wi * (F[i]! - y[i]!);
      h[i] = wi;
    } else if (loss === 'logistic') {
      const pr = 1 / (1 + Math.exp(-F[i]!));
      g[i] = wi * (pr - y[i]!);
      h[i] = wi * Math.max(pr * (1 - pr), 1e-16);
    } else {
      softmax(F, i * K, K, prob);
      const pk = prob[k]!;
      g[i] = wi * (pk - (y[i] === k ? 1 : 0));
      h[i] = wi * Math.max(2 * pk * (1 - pk), 1e-16);
    }
  }
}

function softmax(F: Float64Array, base: number, K: number, out: Float64Array): void {
  let max = F[base]!;
  for (let k = 1; k < K; k++) max = Math.max(max, F[base + k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += out[k] = Math.exp(F[base + k]! - max);
  for (let k = 0; k < K; k++) out[k] = out[k]! / sum;
}

function sampleFeatures(p: number, m: number, rand: () => number): Int32Array {
  const all = Int32Array.from({ length: p }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rand() * (p - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, m).sort();
}

/** Add each leaf's value to the margins of the sampled rows it holds. */
function addLeaves(tree: GrownTree, rowIdx: Uint32Array, F: Float64Array, K: number, k: number): void {
  const seg = tree.leafSegments;
  for (let s = 0; s < seg.length; s += 3) {
    const v = tree.threshold[seg[s]!]!;
    for (let i = seg[s + 1]!; i < seg[s + 2]!; i++) {
      const j = rowIdx[i]! * K + k;
      F[j] = F[j]! + v;
    }
  }
}

/** Mark the sampled rows in `flags` (1 = sampled) and return it. */
function sampled(rowIdx: Uint32Array, count: number, n: number, flags: Uint8Array): Uint8Array {
  flags.fill(0, 0, n);
  for (let i = 0; i < count; i++) flags[rowIdx[i]!] = 1;
  return flags;
}

/** Add a tree's leaf values to the margins of every binned row (or those not flagged in `skip`). */
function addTree(
  tree: GrownTree,
  data: BinnedFeatures,
  F: Float64Array,
  K: number,
  k: number,
  skip?: Uint8Array,
): void {
  const { bins, rows } = data;
  const { left, right, feature, splitBin, defaultLeft, threshold } = tree;
  for (let r = 0; r < rows; r++) {
    if (skip?.[r] === 1) continue;
    let nd = 0;
    while (left[nd]! >= 0) {
      const b = bins[feature[nd]! * rows + r]!;
      nd = (b === MISSING_BIN ? defaultLeft[nd] === 1 : b <= splitBin[nd]!) ? left[nd]! : right[nd]!;
    }
    F[r * K + k] = F[r * K + k]! + threshold[nd]!;
  }
}

function evalMetric(F: Float64Array, y: Float64Array, K: number, loss: GbdtLoss): number {
  const n = y.length;
  let s = 0;
  const prob = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    if (loss === 'squared') s += (F[i]! - y[i]!) ** 2;
    else if (loss === 'logistic') {
      const pr = Math.min(1 - 1e-15, Math.max(1e-15, 1 / (1 + Math.exp(-F[i]!))));
      s -= y[i] === 1 ? Math.log(pr) : Math.log(1 - pr);
    } else {
      softmax(F, i * K, K, prob);
      s -= Math.log(Math.max(1e-15, prob[y[i]!]!));
    }
  }
  return loss === 'squared' ? Math.sqrt(s / n) : s / n;
}
