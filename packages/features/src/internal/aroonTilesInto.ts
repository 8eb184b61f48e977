import { eachWindowTile, REGION, REGION_BYTES } from './windowTiles.js';

const [UP, DOWN] = REGION.out;
const { high: H, low: L, highAt: HI, lowAt: LI } = REGION_BYTES;

/**
 * aroonInto in WebAssembly tiles ({@link eachWindowTile} over windows of
 * `period + 1` bars, keeping the last position of each extreme, as TA-Lib's
 * `>=` / `<=` rescans do), bit-equal to its JavaScript loop:
 * `up = factor * (period - bars since the highest high) * scale`, down
 * likewise, with `factor = 100 / period`. Writes entries `period ..`.
 * Returns false when the caller must run its loop.
 *
 * @returns whether the outputs were written
 */
export function aroonTilesInto(
  high: Float64Array,
  low: Float64Array,
  period: number,
  up: Float64Array,
  down: Float64Array,
  scale: number,
): boolean {
  const factor = 100.0 / period;
  return eachWindowTile(
    high,
    low,
    undefined,
    period + 1,
    (m, t0, count, off) => {
      m.aroon(H, L, HI, LI, 8 * UP, 8 * DOWN, count, off, period, factor, scale);
      up.set(m.mem.subarray(UP, UP + count), t0);
      down.set(m.mem.subarray(DOWN, DOWN + count), t0);
    },
    true,
  );
}
