import type { TreeArrays } from '../../xgboost/TreeArrays.type.js';
import { type BinnedFeatures, MISSING_BIN } from './binFeatures.js';

/** Tree growth parameters (xgboost names in comments). */
export interface GrowParams {
  /** max_depth */
  maxDepth: number;
  /** reg_lambda */
  lambda: number;
  /** min_child_weight */
  minChildWeight: number;
  /** gamma / min_split_loss */
  gamma: number;
  /** eta / learning_rate */
  eta: number;
  /** Features tried per split (random forests); all of the tree's features when absent. */
  featuresPerSplit?: number | undefined;
  /** Smallest gain that makes a split (xgboost's kRtEps). @default 1e-6 */
  minGain?: number | undefined;
  /** Generator for per-split feature sampling. */
  rand?: (() => number) | undefined;
}

/** A grown tree plus the bin index of each split (for binned traversal). */
export interface GrownTree extends TreeArrays {
  splitBin: Int32Array;
  /** `[leaf id, start, end)` triples over the reordered `rowIdx`: which sampled rows each leaf holds. */
  leafSegments: Int32Array;
}

const STRIDE = 512; // 256 bins x (grad, hess)

interface Open {
  id: number;
  depth: number;
  start: number;
  end: number;
  G: number;
  H: number;
  hist: Float64Array | undefined;
}

/** Reusable histogram buffers and partition scratch for {@link growTree}. */
export class GrowWorkspace {
  readonly #free: Float64Array[] = [];
  readonly size: number;
  readonly scratch: Uint32Array;
  constructor(cols: number, rows: number) {
    this.size = cols * STRIDE;
    this.scratch = new Uint32Array(rows);
  }
  take(): Float64Array {
    return this.#free.pop() ?? new Float64Array(this.size);
  }
  give(h: Float64Array | undefined): void {
    if (h) this.#free.push(h);
  }
}

/**
 * Grow one tree on histograms (depth-first; same tree as depth-wise under a depth limit): build the
 * histogram of the smaller child by scanning its rows and get the larger
 * child's by subtracting from the parent (histogram subtraction). Splits
 * maximise xgboost's gain `GL²/(HL+λ) + GR²/(HR+λ) - G²/(H+λ)`, trying
 * missing values on both sides. `rowIdx[0, count)` (the sampled rows) is
 * reordered in place.
 */
export function growTree(
  data: BinnedFeatures,
  g: Float64Array,
  h: Float64Array,
  rowIdx: Uint32Array,
  count: number,
  feats: Int32Array,
  params: GrowParams,
  ws: GrowWorkspace,
): GrownTree {
  const { bins, rows: n, cols: p, cuts } = data;
  const offsets = data.offsets!;
  const nodes = {
    left: [] as number[],
    right: [] as number[],
    feature: [] as number[],
    threshold: [] as number[],
    defaultLeft: [] as number[],
    baseWeight: [] as number[],
    lossChange: [] as number[],
    sumHessian: [] as number[],
    splitBin: [] as number[],
  };
  const add = (G: number, H: number): number => {
    const w = -G / (H + params.lambda);
    nodes.left.push(-1);
    nodes.right.push(-1);
    nodes.feature.push(0);
    nodes.threshold.push(Math.fround(params.eta * w));
    nodes.defaultLeft.push(0);
    nodes.baseWeight.push(w);
    nodes.lossChange.push(0);
    nodes.sumHessian.push(H);
    nodes.splitBin.push(-1);
    return nodes.left.length - 1;
  };
  let G0 = 0;
  let H0 = 0;
  for (let i = 0; i < count; i++) {
    G0 += g[rowIdx[i]!]!;
    H0 += h[rowIdx[i]!]!;
  }
  const leaves: number[] = [];
  const used = new Int32Array(p);
  for (let f = 0; f < p; f++) used[f] = 2 * (cuts[f]!.length + 1);
  const canSplit = (o: Open) => o.depth < params.maxDepth && o.H >= 2 * params.minChildWeight && o.end - o.start > 1;
  const build = (o: Open) => {
    o.hist = ws.take();
    buildHist(o.hist, offsets, p, g, h, rowIdx, o.start, o.end, feats, used);
  };
  const root: Open = { id: add(G0, H0), depth: 0, start: 0, end: count, G: G0, H: H0, hist: undefined };
  // Depth-first growth gives the same tree as depth-wise growth under a depth limit, with O(depth) live histograms.
  const stack: Open[] = [];
  if (canSplit(root)) {
    build(root);
    stack.push(root);
  } else leaves.push(root.id, 0, count);
  const sampled = new Int32Array(feats.length);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const tryFeats = sampleFeatures(feats, params, sampled);
    const s = bestSplit(node.hist!, node.G, node.H, tryFeats, cuts, params);
    if (s === undefined) {
      ws.give(node.hist);
      leaves.push(node.id, node.start, node.end);
      continue;
    }
    const mid = partition(bins, n, rowIdx, node.start, node.end, s.feature, s.bin, s.defaultLeft, ws.scratch);
    const GR = node.G - s.GL;
    const HR = node.H - s.HL;
    const depth = node.depth + 1;
    const l: Open = { id: add(s.GL, s.HL), depth, start: node.start, end: mid, G: s.GL, H: s.HL, hist: undefined };
    const r: Open = { id: add(GR, HR), depth, start: mid, end: node.end, G: GR, H: HR, hist: undefined };
    const id = node.id;
    nodes.left[id] = l.id;
    nodes.right[id] = r.id;
    nodes.feature[id] = s.feature;
    nodes.threshold[id] = cuts[s.feature]![s.bin]!;
    nodes.defaultLeft[id] = s.defaultLeft ? 1 : 0;
    nodes.lossChange[id] = s.gain;
    nodes.splitBin[id] = s.bin;
    const [small, large] = mid - node.start <= node.end - mid ? [l, r] : [r, l];
    const needSmall = canSplit(small);
    const needLarge = canSplit(large);
    if (needLarge) {
      // Histogram subtraction: large = parent - small.
      build(small);
      const parent = node.hist!;
      const sh = small.hist!;
      for (let k = 0; k < feats.length; k++) {
        const f = feats[k]!;
        const o = f * STRIDE;
        for (let i = o; i < o + used[f]!; i++) parent[i] = parent[i]! - sh[i]!;
        parent[o + 2 * MISSING_BIN] = parent[o + 2 * MISSING_BIN]! - sh[o + 2 * MISSING_BIN]!;
        parent[o + 2 * MISSING_BIN + 1] = parent[o + 2 * MISSING_BIN + 1]! - sh[o + 2 * MISSING_BIN + 1]!;
      }
      large.hist = parent;
      stack.push(large);
      if (needSmall) stack.push(small);
      else {
        ws.give(small.hist);
        small.hist = undefined;
        leaves.push(small.id, small.start, small.end);
      }
    } else {
      ws.give(node.hist);
      leaves.push(large.id, large.start, large.end);
      if (needSmall) {
        build(small);
        stack.push(small);
      } else leaves.push(small.id, small.start, small.end);
    }
  }
  return {
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    feature: Int32Array.from(nodes.feature),
    threshold: Float32Array.from(nodes.threshold),
    defaultLeft: Uint8Array.from(nodes.defaultLeft),
    baseWeight: Float32Array.from(nodes.baseWeight),
    lossChange: Float32Array.from(nodes.lossChange),
    sumHessian: Float32Array.from(nodes.sumHessian),
    splitBin: Int32Array.from(nodes.splitBin),
    leafSegments: Int32Array.from(leaves),
  };
}

function buildHist(
  hist: Float64Array,
  offsets: Uint16Array | Uint32Array,
  p: number,
  g: Float64Array,
  h: Float64Array,
  rowIdx: Uint32Array,
  start: number,
  end: number,
  feats: Int32Array,
  used: Int32Array,
): void {
  const nf = feats.length;
  for (let k = 0; k < nf; k++) {
    const o = feats[k]! * STRIDE;
    hist.fill(0, o, o + used[feats[k]!]!);
    hist[o + 2 * MISSING_BIN] = 0;
    hist[o + 2 * MISSING_BIN + 1] = 0;
  }
  if (nf === p) {
    for (let i = start; i < end; i++) {
      const r = rowIdx[i]!;
      const gr = g[r]!;
      const hr = h[r]!;
      const base = r * p;
      for (let f = 0; f < p; f++) {
        const j = offsets[base + f]!;
        hist[j] = hist[j]! + gr;
        hist[j + 1] = hist[j + 1]! + hr;
      }
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const r = rowIdx[i]!;
    const gr = g[r]!;
    const hr = h[r]!;
    const base = r * p;
    for (let k = 0; k < nf; k++) {
      const j = offsets[base + feats[k]!]!;
      hist[j] = hist[j]! + gr;
      hist[j + 1] = hist[j + 1]! + hr;
    }
  }
}

/** The features to try at one split: all, or a fresh random subset (random forests). */
function sampleFeatures(feats: Int32Array, params: GrowParams, out: Int32Array): Int32Array {
  const m = params.featuresPerSplit;
  if (m === undefined || m >= feats.length || !params.rand) return feats;
  out.set(feats);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(params.rand() * (feats.length - i));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out.subarray(0, m);
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  defaultLeft: boolean;
  GL: number;
  HL: number;
}

function bestSplit(
  hist: Float64Array,
  G: number,
  H: number,
  feats: Int32Array,
  cuts: Float32Array[],
  params: GrowParams,
): Split | undefined {
  const { lambda, minChildWeight: mcw } = params;
  const parent = (G * G) / (H + lambda);
  let best: Split | undefined;
  let bestGain = Math.max(params.gamma, params.minGain ?? 1e-6);
  for (let k = 0; k < feats.length; k++) {
    const f = feats[k]!;
    const o = f * STRIDE;
    const nCuts = cuts[f]!.length;
    const Gm = hist[o + 2 * MISSING_BIN]!;
    const Hm = hist[o + 2 * MISSING_BIN + 1]!;
    let GL = 0;
    let HL = 0;
    for (let b = 0; b < nCuts; b++) {
      const hb = hist[o + 2 * b + 1]!;
      // An empty bin moves no row: same split as the previous bin.
      if (hb === 0) continue;
      GL += hist[o + 2 * b]!;
      HL += hb;
      // missing values go right
      const GR = G - GL;
      const HR = H - HL;
      if (HL >= mcw && HR >= mcw) {
        const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          best = { gain, feature: f, bin: b, defaultLeft: false, GL, HL };
        }
      }
      if (Hm > 0) {
        const GL2 = GL + Gm;
        const HL2 = HL + Hm;
        const GR2 = G - GL2;
        const HR2 = H - HL2;
        if (HL2 >= mcw && HR2 >= mcw) {
          const gain = (GL2 * GL2) / (HL2 + lambda) + (GR2 * GR2) / (HR2 + lambda) - parent;
          if (gain > bestGain) {
            bestGain = gain;
            best = { gain, feature: f, bin: b, defaultLeft: true, GL: GL2, HL: HL2 };
          }
        }
      }
    }
  }
  return best;
}

/** Stable partition of rowIdx[start, end): rows going left first. Returns the split point. */
function partition(
  bins: Uint8Array,
  n: number,
  rowIdx: Uint32Array,
  start: number,
  end: number,
  f: number,
  bin: number,
  defaultLeft: boolean,
  scratch: Uint32Array,
): number {
  let l = start;
  let r = 0;
  const col = bins.subarray(f * n, (f + 1) * n);
  const dl = defaultLeft ? 1 : 0;
  // Branch-free: write the row to both sides and advance one (l <= i, so rowIdx is rewritten behind the reads).
  for (let i = start; i < end; i++) {
    const row = rowIdx[i]!;
    const b = col[row]!;
    // b <= bin for real bins (bin < MISSING_BIN, so a missing row never passes), or missing and default left.
    const left = +(b <= bin) | (+(b === MISSING_BIN) & dl);
    rowIdx[l] = row;
    scratch[r] = row;
    l += left;
    r += left ^ 1;
  }
  rowIdx.set(scratch.subarray(0, r), l);
  return l;
}
