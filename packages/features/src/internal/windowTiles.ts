import { wasmModule } from './wasm/wasmModule.js';
import { WINDOW_EXTREMES_WASM } from './wasm/windowExtremesWasm.js';

/** Outputs per tile: a tile's inputs, levels and outputs stay in the CPU's cache. */
export const TILE = 2048;

/**
 * Longest window the tiles take: a tile reads `TILE + period - 1` inputs and
 * builds log2(period) levels, so longer windows cost more per output than
 * TA-Lib's rescans, which the JavaScript loops keep for them.
 */
export const MAX_TILE_PERIOD = 256;

/** Values per input region: a tile's inputs and two slack values for the pairwise loops. */
const CAP = TILE + MAX_TILE_PERIOD + 2;
/** Values per output region: a tile's outputs and one slack value (pairs). */
const OUT_CAP = TILE + 2;

/**
 * Where a tile's data sits in the module's memory, in float64 entries:
 * highs, lows, the positions of their extremes (for Aroon), closes, then
 * three output regions.
 */
export const REGION = {
  high: 0,
  low: CAP,
  highAt: 2 * CAP,
  lowAt: 3 * CAP,
  close: 4 * CAP,
  out: [4 * CAP + OUT_CAP, 4 * CAP + 2 * OUT_CAP, 4 * CAP + 3 * OUT_CAP],
} as const;
const ENTRIES = 4 * CAP + 4 * OUT_CAP;

/** {@link REGION}'s offsets in bytes, as the module's functions take them. */
export const REGION_BYTES = {
  high: 8 * REGION.high,
  low: 8 * REGION.low,
  highAt: 8 * REGION.highAt,
  lowAt: 8 * REGION.lowAt,
  close: 8 * REGION.close,
  out: REGION.out.map((x) => 8 * x) as [number, number, number],
} as const;

/** windowExtremes.wat's exports (byte offsets and counts), and its memory as float64 entries. */
export interface WindowTileModule {
  levels(h: number, l: number, m: number, w: number): number;
  levelsIndexed(h: number, l: number, hi: number, li: number, m: number, w: number): number;
  fastK(h: number, l: number, c: number, o: number, t: number, off: number): void;
  williamsR(h: number, l: number, c: number, o: number, t: number, off: number, scale: number): void;
  bands(h: number, l: number, u: number, lo: number, mid: number, t: number, off: number): void;
  position(h: number, l: number, c: number, pos: number, width: number, t: number, off: number): void;
  aroon(
    h: number,
    l: number,
    hi: number,
    li: number,
    up: number,
    down: number,
    t: number,
    off: number,
    period: number,
    factor: number,
    scale: number,
  ): void;
  mem: Float64Array;
}

/** The module, instantiated on first use; null where WebAssembly with SIMD is missing or the kernels are off. */
const instance = wasmModule(
  WINDOW_EXTREMES_WASM,
  8 * ENTRIES,
  (x, mem): WindowTileModule => ({
    levels: x.levels as WindowTileModule['levels'],
    levelsIndexed: x.levelsIndexed as WindowTileModule['levelsIndexed'],
    fastK: x.fastK as WindowTileModule['fastK'],
    williamsR: x.williamsR as WindowTileModule['williamsR'],
    bands: x.bands as WindowTileModule['bands'],
    position: x.position as WindowTileModule['position'],
    aroon: x.aroon as WindowTileModule['aroon'],
    mem,
  }),
);

/**
 * Walk the windows of `period` bars over `high` and `low` in tiles of
 * {@link TILE} bars: copy each tile's highs, lows (and closes, when given)
 * into the module's memory, build its window extremes (windowExtremes.wat:
 * branch-free SIMD max/min over a sparse table, where V8's
 * compare-and-branch rescans mispredict), with their positions when
 * `indexed`, then call `finish(m, t0, count, off)` to compute and copy out
 * bars `t0 .. t0 + count - 1` from {@link REGION}'s output regions. The
 * first bar is `period - 1`; a tile's inputs start at bar `t0 - period + 1`.
 *
 * Returns false when the caller must use its TA-Lib-style loop instead
 * (which writes every entry again, so whatever tiles were written is
 * overwritten): the period is outside 2..{@link MAX_TILE_PERIOD},
 * WebAssembly with SIMD is missing, the kernels are turned off
 * (setWasmKernels), or a high or
 * low is NaN or zero, where max/min and TA-Lib's `>=` rescans can differ
 * (the order of comparisons with NaN, the sign of a zero). Otherwise every
 * extreme is exactly TA-Lib's: a max or min of such values is one of them.
 *
 * @returns whether every tile was done
 */
export function eachWindowTile(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array | undefined,
  period: number,
  finish: (m: WindowTileModule, t0: number, count: number, off: number) => void,
  indexed = false,
): boolean {
  if (period < 2 || period > MAX_TILE_PERIOD) return false;
  const m = instance();
  if (m === null) return false;
  const { mem } = m;
  const n = high.length;
  let w = 1;
  while (2 * w <= period) w *= 2;
  const off = period - w;
  const H = REGION.high;
  const L = REGION.low;
  const { high: hb, low: lb, highAt, lowAt } = REGION_BYTES;
  for (let t0 = period - 1; t0 < n; t0 += TILE) {
    const t1 = Math.min(n, t0 + TILE);
    const j0 = t0 - period + 1;
    const inputs = t1 - j0;
    mem.set(high.subarray(j0, t1), H);
    mem.set(low.subarray(j0, t1), L);
    // Slack the pairwise loops read: finite and non-zero, so the NaN/zero check passes it.
    mem[H + inputs] = 1;
    mem[H + inputs + 1] = 1;
    mem[L + inputs] = 1;
    mem[L + inputs + 1] = 1;
    if (close !== undefined) mem.set(close.subarray(t0, t1), REGION.close);
    const bad = indexed ? m.levelsIndexed(hb, lb, highAt, lowAt, inputs, w) : m.levels(hb, lb, inputs, w);
    if (bad !== 0) return false;
    finish(m, t0, t1 - t0, off);
  }
  return true;
}
