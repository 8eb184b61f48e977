import type { Matrix } from '../data/Matrix.type.js';
import { floatKey } from './floatKey.js';
import { PerfectTrees } from './PerfectTrees.js';
import type { TreeArrays } from './TreeArrays.type.js';
import { XGBOOST_OBJECTIVES, type XGBoostObjective } from './XGBOOST_OBJECTIVES.js';

/** Parts of a {@link TreeEnsemble}. */
export interface TreeEnsembleSpec {
  /** The trees, in boosting order. */
  trees: readonly TreeArrays[];
  /** Output group (class) of each tree; all 0 for one output. */
  treeGroup: ArrayLike<number>;
  /** Number of outputs: 1 for regression and binary, the class count for multiclass. */
  numGroup: number;
  /** Number of input features. */
  numFeature: number;
  /** Starting margin (already in margin space), one per group. */
  baseMargin: ArrayLike<number>;
  /** How margins become predictions. */
  objective: XGBoostObjective;
}

/** Rows walked through each tree together in batch prediction. */
const BLOCK = 16;
/** NaN-free rows converted to keys and walked tree by tree in batch prediction. */
const KEY_BLOCK = 64;

/**
 * A packed, float32 evaluator of boosted trees with xgboost's semantics:
 * features are rounded to float32, a split sends a row left when
 * `x < threshold` (missing values follow the default direction), and leaf
 * outputs are summed in float32 in tree order starting from the base margin,
 * as xgboost's CPU predictor does, so predictions match native xgboost.
 *
 * @example
 * ```ts
 * import { loadXGBoostJSON } from '@sextant/models';
 * const ensemble = loadXGBoostJSON(text).ensemble;
 * ensemble.predictRow(new Float64Array([0.1, 0.2])); // one value (one-output models)
 * ```
 */
export class TreeEnsemble {
  /** The spec this ensemble was built from. */
  readonly spec: TreeEnsembleSpec;
  /** Per node: `[left child (right = left + 1), split feature]`; a leaf points to itself. */
  readonly #node: Int32Array;
  /** Per node: float32 split threshold; NaN for a leaf, so a leaf never moves. */
  readonly #threshold: Float32Array;
  /** Per node: the leaf value (0 for splits). */
  readonly #leaf: Float32Array;
  /** 1 where missing values go right (the complement of xgboost's default_left); 0 for leaves. */
  readonly #defaultRight: Uint8Array;
  readonly #roots: Int32Array;
  readonly #depth: Int32Array;
  readonly #group: Int32Array;
  readonly #base: Float32Array;
  readonly #scratch: Float32Array;
  /** Per node: the threshold as an order-preserving int32 key (leaves: int32 max, so they never move). */
  readonly #thrKey: Int32Array;
  /** Up to four NaN-free rows as float32, and the same memory as int32 keys. */
  readonly #xf: Float32Array;
  readonly #xi: Int32Array;
  readonly #slotRow = new Int32Array(4);
  readonly #acc: Float32Array;
  readonly #accK: Float32Array;
  readonly #transform: (typeof XGBOOST_OBJECTIVES)[XGBoostObjective];
  /** The same trees padded to one depth for the pointer-free walk, when small enough. */
  readonly #perfect: PerfectTrees | undefined;
  readonly #blockRow = new Int32Array(KEY_BLOCK);
  readonly #blockAcc: Float32Array;

  /**
   * @param spec - trees, groups, base margins and objective
   */
  constructor(spec: TreeEnsembleSpec) {
    this.spec = spec;
    let total = 0;
    for (const t of spec.trees) total += t.left.length;
    this.#node = new Int32Array(2 * total);
    this.#threshold = new Float32Array(total);
    this.#leaf = new Float32Array(total);
    this.#defaultRight = new Uint8Array(total);
    this.#roots = new Int32Array(spec.trees.length);
    this.#depth = new Int32Array(spec.trees.length);
    this.#group = Int32Array.from(spec.treeGroup);
    let at = 0;
    spec.trees.forEach((t, i) => {
      this.#roots[i] = at;
      const packed = this.#pack(t, at);
      this.#depth[i] = packed.depth;
      at = packed.next;
    });
    this.#thrKey = new Int32Array(total);
    const thrBits = new Int32Array(this.#threshold.buffer, this.#threshold.byteOffset, total);
    for (let i = 0; i < total; i++) this.#thrKey[i] = this.#node[2 * i] === i ? 0x7fffffff : floatKey(thrBits[i]!);
    this.#xf = new Float32Array(KEY_BLOCK * spec.numFeature);
    this.#xi = new Int32Array(this.#xf.buffer);
    this.#base = Float32Array.from(spec.baseMargin);
    this.#scratch = new Float32Array(BLOCK * spec.numFeature);
    this.#acc = new Float32Array(BLOCK);
    this.#accK = new Float32Array(spec.numGroup);
    this.#transform = XGBOOST_OBJECTIVES[spec.objective];
    this.#perfect = PerfectTrees.from(
      spec.trees,
      this.#depth.reduce((a, b) => Math.max(a, b), 0),
    );
    this.#blockAcc = new Float32Array(KEY_BLOCK * spec.numGroup);
  }

  /**
   * Copy one tree in breadth-first order so that each right child directly
   * follows its left sibling, and make leaves absorbing (self-loop, NaN
   * threshold) so every row walks exactly `depth` steps without branches.
   */
  #pack(t: TreeArrays, at: number): { next: number; depth: number } {
    const order = [0];
    const level = [0];
    let depth = 0;
    let next = at + 1;
    for (let q = 0; q < order.length; q++) {
      const old = order[q]!;
      const id = at + q;
      const l = t.left[old]!;
      if (l < 0) {
        this.#node[2 * id] = id;
        this.#threshold[id] = Number.NaN;
        this.#leaf[id] = t.threshold[old]!;
        continue;
      }
      depth = Math.max(depth, level[q]! + 1);
      this.#threshold[id] = t.threshold[old]!;
      this.#defaultRight[id] = t.defaultLeft[old] === 1 ? 0 : 1;
      this.#node[2 * id] = next;
      this.#node[2 * id + 1] = t.feature[old]!;
      order.push(l, t.right[old]!);
      level.push(level[q]! + 1, level[q]! + 1);
      next += 2;
    }
    return { next, depth };
  }

  /**
   * Float32 margins of `rows` rows (one-output models) whose float32 values
   * sit row-major in the scratch buffer, into `acc`. Rows go through each
   * tree together, so their independent walks overlap in the CPU.
   */
  #marginBlock(rows: number, acc: Float32Array): void {
    const x = this.#scratch;
    const p = this.spec.numFeature;
    const node = this.#node;
    const thr = this.#threshold;
    const leaf = this.#leaf;
    const dRight = this.#defaultRight;
    const roots = this.#roots;
    const depths = this.#depth;
    const base = this.#base[0]!;
    for (let r = 0; r < rows; r++) acc[r] = base;
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      const depth = depths[t]!;
      for (let r = 0, o = 0; r < rows; r++, o += p) {
        let i = root;
        for (let d = 0; d < depth; d++) {
          const v = x[o + node[2 * i + 1]!]!;
          const th = thr[i]!;
          // Right when v >= threshold; a NaN value (or a leaf's NaN threshold) takes the default direction.
          i = node[2 * i]! + (v >= th ? 1 : v < th ? 0 : dRight[i]!);
        }
        acc[r] = acc[r]! + leaf[i]!;
      }
    }
  }

  /**
   * Write one row's features into key slot `slot` as float32 order keys;
   * false when the row holds a NaN (those rows take the float path).
   */
  #rowKeys(src: ArrayLike<number>, off: number, slot: number): boolean {
    const p = this.spec.numFeature;
    const xf = this.#xf;
    const xi = this.#xi;
    const base = slot * p;
    for (let c = 0; c < p; c++) {
      const v = src[off + c]!;
      if (Number.isNaN(v)) return false;
      xf[base + c] = v;
    }
    for (let c = base; c < base + p; c++) xi[c] = floatKey(xi[c]!);
    return true;
  }

  /**
   * Float32 margins of the NaN-free rows in key slots `0..count-1` into
   * `acc`. Four rows walk each tree together with branch-free integer steps
   * (`key(x) >= key(threshold)` is `x >= threshold` for float32 without NaN),
   * so their walks overlap in the CPU instead of stalling on mispredictions.
   */
  #walkKeys(count: number, acc: Float32Array): void {
    const p = this.spec.numFeature;
    const xi = this.#xi;
    const node = this.#node;
    const tk = this.#thrKey;
    const leaf = this.#leaf;
    const roots = this.#roots;
    const depths = this.#depth;
    const base = this.#base[0]!;
    if (count === 4) {
      const o1 = p;
      const o2 = 2 * p;
      const o3 = 3 * p;
      let a0 = base;
      let a1 = base;
      let a2 = base;
      let a3 = base;
      for (let t = 0; t < roots.length; t++) {
        let i0 = roots[t]!;
        let i1 = i0;
        let i2 = i0;
        let i3 = i0;
        for (let d = depths[t]!; d > 0; d--) {
          let a = xi[node[2 * i0 + 1]!]!;
          let b = tk[i0]!;
          i0 = node[2 * i0]! + +(a >= b);
          a = xi[o1 + node[2 * i1 + 1]!]!;
          b = tk[i1]!;
          i1 = node[2 * i1]! + +(a >= b);
          a = xi[o2 + node[2 * i2 + 1]!]!;
          b = tk[i2]!;
          i2 = node[2 * i2]! + +(a >= b);
          a = xi[o3 + node[2 * i3 + 1]!]!;
          b = tk[i3]!;
          i3 = node[2 * i3]! + +(a >= b);
        }
        a0 = Math.fround(a0 + leaf[i0]!);
        a1 = Math.fround(a1 + leaf[i1]!);
        a2 = Math.fround(a2 + leaf[i2]!);
        a3 = Math.fround(a3 + leaf[i3]!);
      }
      acc[0] = a0;
      acc[1] = a1;
      acc[2] = a2;
      acc[3] = a3;
      return;
    }
    // One row: walk four trees at a time (leaves absorb the extra steps of shallower trees), summing in tree order.
    const T = roots.length;
    for (let s = 0; s < count; s++) {
      const o = s * p;
      let a0 = base;
      let t = 0;
      for (; t + 4 <= T; t += 4) {
        let i0 = roots[t]!;
        let i1 = roots[t + 1]!;
        let i2 = roots[t + 2]!;
        let i3 = roots[t + 3]!;
        for (let d = Math.max(depths[t]!, depths[t + 1]!, depths[t + 2]!, depths[t + 3]!); d > 0; d--) {
          let a = xi[o + node[2 * i0 + 1]!]!;
          let b = tk[i0]!;
          i0 = node[2 * i0]! + +(a >= b);
          a = xi[o + node[2 * i1 + 1]!]!;
          b = tk[i1]!;
          i1 = node[2 * i1]! + +(a >= b);
          a = xi[o + node[2 * i2 + 1]!]!;
          b = tk[i2]!;
          i2 = node[2 * i2]! + +(a >= b);
          a = xi[o + node[2 * i3 + 1]!]!;
          b = tk[i3]!;
          i3 = node[2 * i3]! + +(a >= b);
        }
        a0 = Math.fround(Math.fround(Math.fround(Math.fround(a0 + leaf[i0]!) + leaf[i1]!) + leaf[i2]!) + leaf[i3]!);
      }
      for (; t < T; t++) {
        let i = roots[t]!;
        for (let d = depths[t]!; d > 0; d--) {
          const a = xi[o + node[2 * i + 1]!]!;
          const b = tk[i]!;
          i = node[2 * i]! + +(a >= b);
        }
        a0 = Math.fround(a0 + leaf[i]!);
      }
      acc[s] = a0;
    }
  }

  /** Number of trees. */
  get size(): number {
    return this.#roots.length;
  }

  /**
   * Raw margins (before the objective's transform) of one row, into `out`.
   *
   * @param row - one value per feature (NaN = missing)
   * @param out - receives one float32 margin per group
   * @returns `out`
   */
  marginRow(row: ArrayLike<number>, out: Float32Array = new Float32Array(this.spec.numGroup)): Float32Array {
    const perfect = this.#perfect;
    if (perfect && this.#rowKeys(row, 0, 0)) {
      out.set(this.#base);
      perfect.addRow(this.#xi, 0, this.#group, out);
      return out;
    }
    return this.#marginFloat(row, 0, out);
  }

  /** Margins of the row at `row[off]` by the float walk, which handles NaN (missing) values. */
  #marginFloat(row: ArrayLike<number>, off: number, out: Float32Array): Float32Array {
    const x = this.#scratch;
    const p = this.spec.numFeature;
    for (let c = 0; c < p; c++) x[c] = row[off + c]!;
    if (this.spec.numGroup === 1) {
      this.#marginBlock(1, this.#acc);
      out[0] = this.#acc[0]!;
      return out;
    }
    out.set(this.#base);
    const node = this.#node;
    const thr = this.#threshold;
    const dRight = this.#defaultRight;
    const roots = this.#roots;
    const group = this.#group;
    for (let t = 0; t < roots.length; t++) {
      let i = roots[t]!;
      for (let d = this.#depth[t]!; d > 0; d--) {
        const v = x[node[2 * i + 1]!]!;
        const th = thr[i]!;
        i = node[2 * i]! + (v >= th ? 1 : v < th ? 0 : dRight[i]!);
      }
      const g = group[t]!;
      out[g] = out[g]! + this.#leaf[i]!;
    }
    return out;
  }

  /**
   * The prediction of one row for a one-output model (regression or binary
   * probability); for multiclass models, the predicted class index.
   *
   * @param row - one value per feature
   * @returns the transformed prediction
   */
  predictRow(row: ArrayLike<number>): number {
    if (this.spec.numGroup === 1) {
      const perfect = this.#perfect;
      if (perfect && this.#rowKeys(row, 0, 0)) return this.#apply1(perfect.sumRow(this.#xi, 0, this.#base[0]!));
      if (perfect) return this.#apply1(this.#marginFloat(row, 0, this.#accK)[0]!);
      if (this.#rowKeys(row, 0, 0)) this.#walkKeys(1, this.#acc);
      else this.#marginFloat(row, 0, this.#acc);
      return this.#apply1(this.#acc[0]!);
    }
    const m = this.marginRow(row, this.#accK);
    let best = 0;
    for (let k = 1; k < m.length; k++) if (m[k]! > m[best]!) best = k;
    return best;
  }

  /**
   * Raw margins of every row of a row-major matrix.
   *
   * @param m - row-major matrix with `numFeature` columns
   * @returns float32 margins, `rows x numGroup`
   */
  predictMargins(m: Matrix): Float32Array {
    const K = this.spec.numGroup;
    const out = new Float32Array(m.rows * K);
    const { data, cols } = m;
    const x = this.#scratch;
    if (this.#perfect) return this.#perfectMargins(m, out);
    if (K === 1) {
      const acc = this.#acc;
      const slotRow = this.#slotRow;
      let slots = 0;
      for (let r = 0; r < m.rows; r++) {
        if (this.#rowKeys(data, r * cols, slots)) {
          slotRow[slots++] = r;
          if (slots === 4) {
            this.#walkKeys(4, acc);
            for (let s = 0; s < 4; s++) out[slotRow[s]!] = acc[s]!;
            slots = 0;
          }
        } else {
          for (let c = 0; c < cols; c++) x[c] = data[r * cols + c]!;
          this.#marginBlock(1, acc);
          out[r] = acc[0]!;
        }
      }
      this.#walkKeys(slots, acc);
      for (let s = 0; s < slots; s++) out[slotRow[s]!] = acc[s]!;
      return out;
    }
    const acc = this.#accK;
    for (let r = 0; r < m.rows; r++) {
      this.marginRow(data.subarray(r * cols, (r + 1) * cols), acc);
      out.set(acc, r * K);
    }
    return out;
  }

  /** Batch margins with the padded trees: blocks of NaN-free key rows walk tree by tree; NaN rows take the float walk. */
  #perfectMargins(m: Matrix, out: Float32Array): Float32Array {
    const perfect = this.#perfect!;
    const K = this.spec.numGroup;
    const p = this.spec.numFeature;
    const { data, cols } = m;
    const blockRow = this.#blockRow;
    const acc = this.#blockAcc;
    const group = this.#group;
    const xi = this.#xi;
    const T = this.#roots.length;
    const flush = (n: number): void => {
      for (let r = 0; r < n; r++) acc.set(this.#base, r * K);
      for (let t = 0; t < T; t++) perfect.addTree(t, xi, p, n, acc, K, group[t]!);
      if (K === 1) for (let r = 0; r < n; r++) out[blockRow[r]!] = acc[r]!;
      else for (let r = 0; r < n; r++) out.set(acc.subarray(r * K, r * K + K), blockRow[r]! * K);
    };
    let n = 0;
    const one = this.#accK;
    for (let r = 0; r < m.rows; r++) {
      if (this.#rowKeys(data, r * cols, n)) {
        blockRow[n++] = r;
        if (n === KEY_BLOCK) {
          flush(n);
          n = 0;
        }
      } else {
        this.#marginFloat(data, r * cols, one);
        out.set(one, r * K);
      }
    }
    if (n > 0) flush(n);
    return out;
  }

  /**
   * Transformed predictions of every row: one value per row (regression,
   * binary probability, class index for `multi:softmax`), or `rows x classes`
   * probabilities for `multi:softprob`.
   *
   * @param m - row-major matrix
   * @returns predictions as xgboost's `Booster.predict` returns them
   */
  predict(m: Matrix): Float64Array {
    const margins = this.predictMargins(m);
    const K = this.spec.numGroup;
    if (K === 1) {
      const out = new Float64Array(m.rows);
      for (let r = 0; r < m.rows; r++) out[r] = this.#apply1(margins[r]!);
      return out;
    }
    if (this.#transform === 'argmax') {
      const out = new Float64Array(m.rows);
      for (let r = 0; r < m.rows; r++) {
        let best = 0;
        for (let k = 1; k < K; k++) if (margins[r * K + k]! > margins[r * K + best]!) best = k;
        out[r] = best;
      }
      return out;
    }
    return softmaxRows(margins, K);
  }

  #apply1(v: number): number {
    switch (this.#transform) {
      case 'sigmoid':
        return Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-v))));
      case 'exp':
        return Math.fround(Math.exp(v));
      default:
        return v;
    }
  }
}

/** Softmax per row in float32, as xgboost's `common::Softmax`. */
function softmaxRows(margins: Float32Array, K: number): Float64Array {
  const out = new Float64Array(margins.length);
  for (let base = 0; base < margins.length; base += K) {
    let max = margins[base]!;
    for (let k = 1; k < K; k++) max = Math.max(max, margins[base + k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.fround(Math.exp(Math.fround(margins[base + k]! - max)));
      out[base + k] = e;
      sum = Math.fround(sum + e);
    }
    for (let k = 0; k < K; k++) out[base + k] = Math.fround(out[base + k]! / sum);
  }
  return out;
}
