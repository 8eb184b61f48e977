import { eachWindowTile, REGION, REGION_BYTES } from './windowTiles.js';

const [A, B, M] = REGION.out;
const { high: H, low: L, close: C } = REGION_BYTES;

/**
 * donchianInto's two forms in WebAssembly tiles ({@link eachWindowTile}),
 * bit-equal to its JavaScript loops: without `close`, upper into `a`, lower
 * into `b` and `(upper + lower) / 2` into `mid`; with `close`, the position
 * `(close - lower) / (upper - lower)` (0.5 for a zero width) into `a` and the
 * width `(upper - lower) / middle` into `b`. Writes entries `period - 1 ..`.
 * Returns false when the caller must run its loop.
 *
 * @returns whether the outputs were written
 */
export function donchianTilesInto(
  high: Float64Array,
  low: Float64Array,
  period: number,
  a: Float64Array,
  b: Float64Array,
  mid: Float64Array | undefined,
  close: Float64Array | undefined,
): boolean {
  return eachWindowTile(high, low, close, period, (m, t0, count, off) => {
    if (close === undefined) m.bands(H, L, 8 * A, 8 * B, 8 * M, count, off);
    else m.position(H, L, C, 8 * A, 8 * B, count, off);
    a.set(m.mem.subarray(A, A + count), t0);
    b.set(m.mem.subarray(B, B + count), t0);
    if (close === undefined && mid !== undefined) mid.set(m.mem.subarray(M, M + count), t0);
  });
}
