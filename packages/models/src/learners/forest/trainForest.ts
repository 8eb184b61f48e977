import type { Matrix } from '../../data/Matrix.type.js';
import type { TreeArrays } from '../../xgboost/TreeArrays.type.js';
import { seededRandom as createRng } from '@sextant/core';
import { binFeatures, computeCuts, withHistOffsets } from '../gbdt/binFeatures.js';
import { GrowWorkspace, growTree } from '../gbdt/growTree.js';

/** Resolved forest parameters. */
export interface ForestParams {
  nEstimators: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features tried per split. */
  featuresPerSplit: number;
  bootstrap: boolean;
  maxBin: number;
  seed: number;
}

/**
 * Random forest of histogram regression trees: each tree sees a bootstrap
 * sample (multinomial counts as row weights) and tries `featuresPerSplit`
 * random features at each split; splits minimise squared error (sklearn's
 * `squared_error`, equivalently Gini for 0/1 targets). Each target column
 * (one per output) gets its own trees; leaves hold mean/nEstimators, so the
 * ensemble's sum is the forest average.
 */
export function trainForest(
  X: Matrix,
  targets: Float64Array[],
  weight: Float64Array | undefined,
  params: ForestParams,
): { trees: TreeArrays[]; treeGroup: number[] } {
  const n = X.rows;
  const data = withHistOffsets(binFeatures(X, computeCuts(X, params.maxBin)));
  const rand = createRng(params.seed);
  const ws = new GrowWorkspace(X.cols, n);
  const feats = Int32Array.from({ length: X.cols }, (_, i) => i);
  const counts = new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rowIdx = new Uint32Array(n);
  const grow = {
    maxDepth: params.maxDepth,
    lambda: 0,
    minChildWeight: params.minSamplesLeaf,
    gamma: 0,
    minGain: 0,
    eta: 1 / params.nEstimators,
    featuresPerSplit: params.featuresPerSplit,
    rand,
  };
  const trees: TreeArrays[] = [];
  const treeGroup: number[] = [];
  for (let t = 0; t < params.nEstimators; t++) {
    counts.fill(params.bootstrap ? 0 : 1);
    if (params.bootstrap) for (let i = 0; i < n; i++) counts[Math.floor(rand() * n)]! += 1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const w = counts[i]! * (weight ? weight[i]! : 1);
      h[i] = w;
      if (w > 0) rowIdx[count++] = i;
    }
    targets.forEach((y, k) => {
      for (let i = 0; i < n; i++) g[i] = -h[i]! * y[i]!;
      const tree = growTree(data, g, h, rowIdx, count, feats, grow, ws);
      rowIdx.subarray(0, count).sort();
      trees.push(tree);
      treeGroup.push(k);
    });
  }
  return { trees, treeGroup };
}
