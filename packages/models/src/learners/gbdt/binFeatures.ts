import type { Matrix } from '../../data/Matrix.type.js';
import { floatKey } from '../../xgboost/floatKey.js';

/** Bin index marking a missing (NaN) value. */
export const MISSING_BIN = 255;

/** Quantised features: bins column-major plus the float32 cut points per feature. */
export interface BinnedFeatures {
  /** Column-major bin index per cell, `bins[c * rows + r]` (`MISSING_BIN` for NaN). */
  bins: Uint8Array;
  /** Row-major histogram offsets `f * 512 + 2 * bin` (built by {@link withHistOffsets} for training). */
  offsets?: Uint16Array | Uint32Array;
  rows: number;
  cols: number;
  /** Per feature, ascending float32 cuts: bin b holds values v with cuts[b-1] <= v < cuts[b]. */
  cuts: Float32Array[];
}

/**
 * Quantile cut points per feature (at most `maxBin` bins), xgboost-style:
 * values are rounded to float32 and cuts are actual data values, so a split
 * "bin <= b" is exactly "float32(x) < cuts[b]" at prediction time.
 */
export function computeCuts(m: Matrix, maxBin: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let c = 0; c < m.cols; c++) {
    const vals = new Float32Array(m.rows);
    let n = 0;
    for (let r = 0; r < m.rows; r++) {
      const v = m.layout === 'col' ? m.data[c * m.rows + r]! : m.data[r * m.cols + c]!;
      if (!Number.isNaN(v)) vals[n++] = v;
    }
    const sorted = vals.subarray(0, n).sort();
    const cuts: number[] = [];
    let unique = 0;
    for (let i = 0; i < n && unique <= maxBin; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++;
    if (unique <= maxBin) {
      for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) cuts.push(sorted[i]!);
    } else {
      for (let k = 1; k < maxBin; k++) {
        const v = sorted[Math.floor((k * n) / maxBin)]!;
        if (v > sorted[0]! && (cuts.length === 0 || v > cuts[cuts.length - 1]!)) cuts.push(v);
      }
    }
    out.push(Float32Array.from(cuts));
  }
  return out;
}

/** Bin a matrix (either layout) with given cuts. */
export function binFeatures(m: Matrix, cuts: Float32Array[]): BinnedFeatures {
  const { rows, cols, data } = m;
  const bins = new Uint8Array(rows * cols);
  const f32 = new Float32Array(1);
  const i32 = new Int32Array(f32.buffer);
  const rowMajor = m.layout === 'row';
  for (let c = 0; c < cols; c++) {
    // Cuts as float32 order keys, so the search compares integers without branches.
    const cut = cuts[c]!;
    const key = Int32Array.from(new Int32Array(cut.buffer, cut.byteOffset, cut.length), floatKey);
    const len = key.length;
    const stride = rowMajor ? cols : 1;
    let at = rowMajor ? c : c * rows;
    for (let r = 0; r < rows; r++, at += stride) {
      const v = data[at]!;
      if (Number.isNaN(v)) {
        bins[c * rows + r] = MISSING_BIN;
        continue;
      }
      if (len === 0) continue;
      f32[0] = v;
      const x = floatKey(i32[0]!);
      // Number of cuts <= x: the last index whose cut is <= x, plus one.
      let base = 0;
      let n = len;
      while (n > 1) {
        const half = n >> 1;
        base += half * +(x >= key[base + half]!);
        n -= half;
      }
      bins[c * rows + r] = base + +(x >= key[base]!);
    }
  }
  return { bins, rows, cols, cuts };
}

/** Add row-major histogram offsets (`f * 512 + 2 * bin`) for fast row-wise histogram building. */
export function withHistOffsets(data: BinnedFeatures): BinnedFeatures {
  const { bins, rows, cols } = data;
  const offsets = cols * 512 <= 65536 ? new Uint16Array(rows * cols) : new Uint32Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const col = bins.subarray(c * rows, (c + 1) * rows);
    const o = c * 512;
    for (let r = 0; r < rows; r++) offsets[r * cols + c] = o + (col[r]! << 1);
  }
  return { ...data, offsets };
}
