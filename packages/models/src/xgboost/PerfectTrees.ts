import { floatKey } from './floatKey.js';
import type { TreeArrays } from './TreeArrays.type.js';

/** Largest padded depth: `2^depth` leaves per tree. */
const MAX_DEPTH = 10;
/** Largest padded node count over all trees (about 12 bytes each). */
const MAX_NODES = 1 << 22;

/**
 * Trees padded to perfect binary trees of one depth and stored implicitly
 * (children of node `j` are `2j + 1` and `2j + 2`), each internal node as an
 * adjacent `[feature, threshold key]` int32 pair and leaves in their own
 * float32 array. A leaf above the full depth becomes splits whose two sides
 * hold the same leaf, so every row walks exactly `depth` steps with no
 * branches and no child pointers. Rows are given as order keys of their
 * float32 values (see {@link floatKey}); NaN rows cannot use this walk.
 * Internal to {@link TreeEnsemble}.
 */
export class PerfectTrees {
  /** Steps per walk. */
  readonly depth: number;
  /** Per internal node: feature index, then the threshold's order key. */
  readonly #fk: Int32Array;
  readonly #leaf: Float32Array;
  readonly #trees: number;

  private constructor(trees: readonly TreeArrays[], depth: number) {
    this.depth = depth;
    this.#trees = trees.length;
    const inner = (1 << depth) - 1;
    this.#fk = new Int32Array(2 * inner * trees.length);
    this.#leaf = new Float32Array((inner + 1) * trees.length);
    const bits = new Int32Array(1);
    const f32 = new Float32Array(bits.buffer);
    trees.forEach((t, ti) => {
      const fill = (old: number, j: number, d: number): void => {
        if (d === depth) {
          this.#leaf[ti * (inner + 1) + j - inner] = t.threshold[old]!;
          return;
        }
        const at = 2 * (ti * inner + j);
        const leaf = t.left[old]! < 0;
        if (!leaf) {
          f32[0] = t.threshold[old]!;
          this.#fk[at] = t.feature[old]!;
          this.#fk[at + 1] = floatKey(bits[0]!);
        }
        fill(leaf ? old : t.left[old]!, 2 * j + 1, d + 1);
        fill(leaf ? old : t.right[old]!, 2 * j + 2, d + 1);
      };
      fill(0, 0, 0);
    });
  }

  /**
   * Pack `trees` of depth at most `depth`, or undefined when padding them
   * would be too deep or too large (the caller keeps its pointer walk).
   */
  static from(trees: readonly TreeArrays[], depth: number): PerfectTrees | undefined {
    if (depth > MAX_DEPTH || trees.length * (1 << depth) > MAX_NODES) return undefined;
    return new PerfectTrees(trees, depth);
  }

  /**
   * Add tree `t`'s leaf for each of `rows` key rows (row `r` at `xi[r * p]`)
   * into `acc[r * stride + slot]`, eight rows at a time, rounding to float32.
   */
  addTree(t: number, xi: Int32Array, p: number, rows: number, acc: Float32Array, stride: number, slot: number): void {
    const fk = this.#fk;
    const depth = this.depth;
    const inner = (1 << depth) - 1;
    const base = t * inner;
    const leaf = this.#leaf;
    const lb = t * (inner + 1) - inner;
    let r = 0;
    const n0 = 2 * base;
    const C = 2 * base - 2;
    for (; r + 8 <= rows; r += 8) {
      const o0 = r * p;
      const o1 = o0 + p;
      const o2 = o1 + p;
      const o3 = o2 + p;
      const o4 = o3 + p;
      const o5 = o4 + p;
      const o6 = o5 + p;
      const o7 = o6 + p;
      let n0_ = n0;
      let n1 = n0;
      let n2 = n0;
      let n3 = n0;
      let n4 = n0;
      let n5 = n0;
      let n6 = n0;
      let n7 = n0;
      for (let d = depth; d > 0; d--) {
        n0_ = 2 * n0_ - C + 2 * +(xi[o0 + fk[n0_]!]! >= fk[n0_ + 1]!);
        n1 = 2 * n1 - C + 2 * +(xi[o1 + fk[n1]!]! >= fk[n1 + 1]!);
        n2 = 2 * n2 - C + 2 * +(xi[o2 + fk[n2]!]! >= fk[n2 + 1]!);
        n3 = 2 * n3 - C + 2 * +(xi[o3 + fk[n3]!]! >= fk[n3 + 1]!);
        n4 = 2 * n4 - C + 2 * +(xi[o4 + fk[n4]!]! >= fk[n4 + 1]!);
        n5 = 2 * n5 - C + 2 * +(xi[o5 + fk[n5]!]! >= fk[n5 + 1]!);
        n6 = 2 * n6 - C + 2 * +(xi[o6 + fk[n6]!]! >= fk[n6 + 1]!);
        n7 = 2 * n7 - C + 2 * +(xi[o7 + fk[n7]!]! >= fk[n7 + 1]!);
      }
      const a = r * stride + slot;
      const lc = lb - base;
      acc[a] = acc[a]! + leaf[(n0_ >> 1) + lc]!;
      acc[a + stride] = acc[a + stride]! + leaf[(n1 >> 1) + lc]!;
      acc[a + 2 * stride] = acc[a + 2 * stride]! + leaf[(n2 >> 1) + lc]!;
      acc[a + 3 * stride] = acc[a + 3 * stride]! + leaf[(n3 >> 1) + lc]!;
      acc[a + 4 * stride] = acc[a + 4 * stride]! + leaf[(n4 >> 1) + lc]!;
      acc[a + 5 * stride] = acc[a + 5 * stride]! + leaf[(n5 >> 1) + lc]!;
      acc[a + 6 * stride] = acc[a + 6 * stride]! + leaf[(n6 >> 1) + lc]!;
      acc[a + 7 * stride] = acc[a + 7 * stride]! + leaf[(n7 >> 1) + lc]!;
    }
    for (; r < rows; r++) {
      const o = r * p;
      let j = 0;
      for (let d = depth; d > 0; d--) {
        const n = 2 * (base + j);
        j = 2 * j + 1 + +(xi[o + fk[n]!]! >= fk[n + 1]!);
      }
      const a = r * stride + slot;
      acc[a] = acc[a]! + leaf[lb + j]!;
    }
  }

  /**
   * Leaves of one key row (at `xi[o]`) in every tree, added into
   * `out[group[t]]` in tree order with float32 rounding; eight trees walk together.
   */
  addRow(xi: Int32Array, o: number, group: Int32Array, out: Float32Array): void {
    const fk = this.#fk;
    const depth = this.depth;
    const inner = (1 << depth) - 1;
    const leaf = this.#leaf;
    const T = this.#trees;
    let t = 0;
    for (; t + 8 <= T; t += 8) {
      const c0 = 2 * t * inner - 2;
      let n0 = c0 + 0 * inner + 2;
      let n1 = c0 + 2 * inner + 2;
      let n2 = c0 + 4 * inner + 2;
      let n3 = c0 + 6 * inner + 2;
      let n4 = c0 + 8 * inner + 2;
      let n5 = c0 + 10 * inner + 2;
      let n6 = c0 + 12 * inner + 2;
      let n7 = c0 + 14 * inner + 2;
      for (let d = depth; d > 0; d--) {
        n0 = 2 * n0 - (c0 + 0 * inner) + 2 * +(xi[o + fk[n0]!]! >= fk[n0 + 1]!);
        n1 = 2 * n1 - (c0 + 2 * inner) + 2 * +(xi[o + fk[n1]!]! >= fk[n1 + 1]!);
        n2 = 2 * n2 - (c0 + 4 * inner) + 2 * +(xi[o + fk[n2]!]! >= fk[n2 + 1]!);
        n3 = 2 * n3 - (c0 + 6 * inner) + 2 * +(xi[o + fk[n3]!]! >= fk[n3 + 1]!);
        n4 = 2 * n4 - (c0 + 8 * inner) + 2 * +(xi[o + fk[n4]!]! >= fk[n4 + 1]!);
        n5 = 2 * n5 - (c0 + 10 * inner) + 2 * +(xi[o + fk[n5]!]! >= fk[n5 + 1]!);
        n6 = 2 * n6 - (c0 + 12 * inner) + 2 * +(xi[o + fk[n6]!]! >= fk[n6 + 1]!);
        n7 = 2 * n7 - (c0 + 14 * inner) + 2 * +(xi[o + fk[n7]!]! >= fk[n7 + 1]!);
      }
      const lt = t - inner;
      const g0 = group[t + 0]!;
      out[g0] = out[g0]! + leaf[(n0 >> 1) + lt + 0]!;
      const g1 = group[t + 1]!;
      out[g1] = out[g1]! + leaf[(n1 >> 1) + lt + 1]!;
      const g2 = group[t + 2]!;
      out[g2] = out[g2]! + leaf[(n2 >> 1) + lt + 2]!;
      const g3 = group[t + 3]!;
      out[g3] = out[g3]! + leaf[(n3 >> 1) + lt + 3]!;
      const g4 = group[t + 4]!;
      out[g4] = out[g4]! + leaf[(n4 >> 1) + lt + 4]!;
      const g5 = group[t + 5]!;
      out[g5] = out[g5]! + leaf[(n5 >> 1) + lt + 5]!;
      const g6 = group[t + 6]!;
      out[g6] = out[g6]! + leaf[(n6 >> 1) + lt + 6]!;
      const g7 = group[t + 7]!;
      out[g7] = out[g7]! + leaf[(n7 >> 1) + lt + 7]!;
    }
    for (; t < T; t++) {
      const b = t * inner;
      let j = 0;
      for (let d = depth; d > 0; d--) {
        const n = 2 * (b + j);
        j = 2 * j + 1 + +(xi[o + fk[n]!]! >= fk[n + 1]!);
      }
      const g = group[t]!;
      out[g] = out[g]! + leaf[t * (inner + 1) - inner + j]!;
    }
  }
  /**
   * The float32 sum, in tree order starting from `base`, of one key row's
   * leaves (at `xi[o]`) for a one-output model; eight trees walk together.
   */
  sumRow(xi: Int32Array, o: number, base: number): number {
    let acc = base;
    const fk = this.#fk;
    const depth = this.depth;
    const inner = (1 << depth) - 1;
    const leaf = this.#leaf;
    const T = this.#trees;
    let t = 0;
    for (; t + 8 <= T; t += 8) {
      const c0 = 2 * t * inner - 2;
      let n0 = c0 + 0 * inner + 2;
      let n1 = c0 + 2 * inner + 2;
      let n2 = c0 + 4 * inner + 2;
      let n3 = c0 + 6 * inner + 2;
      let n4 = c0 + 8 * inner + 2;
      let n5 = c0 + 10 * inner + 2;
      let n6 = c0 + 12 * inner + 2;
      let n7 = c0 + 14 * inner + 2;
      for (let d = depth; d > 0; d--) {
        n0 = 2 * n0 - (c0 + 0 * inner) + 2 * +(xi[o + fk[n0]!]! >= fk[n0 + 1]!);
        n1 = 2 * n1 - (c0 + 2 * inner) + 2 * +(xi[o + fk[n1]!]! >= fk[n1 + 1]!);
        n2 = 2 * n2 - (c0 + 4 * inner) + 2 * +(xi[o + fk[n2]!]! >= fk[n2 + 1]!);
        n3 = 2 * n3 - (c0 + 6 * inner) + 2 * +(xi[o + fk[n3]!]! >= fk[n3 + 1]!);
        n4 = 2 * n4 - (c0 + 8 * inner) + 2 * +(xi[o + fk[n4]!]! >= fk[n4 + 1]!);
        n5 = 2 * n5 - (c0 + 10 * inner) + 2 * +(xi[o + fk[n5]!]! >= fk[n5 + 1]!);
        n6 = 2 * n6 - (c0 + 12 * inner) + 2 * +(xi[o + fk[n6]!]! >= fk[n6 + 1]!);
        n7 = 2 * n7 - (c0 + 14 * inner) + 2 * +(xi[o + fk[n7]!]! >= fk[n7 + 1]!);
      }
      const lt = t - inner;
      acc = Math.fround(acc + leaf[(n0 >> 1) + lt + 0]!);
      acc = Math.fround(acc + leaf[(n1 >> 1) + lt + 1]!);
      acc = Math.fround(acc + leaf[(n2 >> 1) + lt + 2]!);
      acc = Math.fround(acc + leaf[(n3 >> 1) + lt + 3]!);
      acc = Math.fround(acc + leaf[(n4 >> 1) + lt + 4]!);
      acc = Math.fround(acc + leaf[(n5 >> 1) + lt + 5]!);
      acc = Math.fround(acc + leaf[(n6 >> 1) + lt + 6]!);
      acc = Math.fround(acc + leaf[(n7 >> 1) + lt + 7]!);
    }
    for (; t < T; t++) {
      const b = t * inner;
      let j = 0;
      for (let d = depth; d > 0; d--) {
        const n = 2 * (b + j);
        j = 2 * j + 1 + +(xi[o + fk[n]!]! >= fk[n + 1]!);
      }
      acc = Math.fround(acc + leaf[t * (inner + 1) - inner + j]!);
    }
    return acc;
  }
}
