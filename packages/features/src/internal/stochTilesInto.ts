import { eachWindowTile, REGION, REGION_BYTES } from './windowTiles.js';

const [K, R] = REGION.out;
const { high: H, low: L, close: C } = REGION_BYTES;

/**
 * Fast %K and/or Williams %R of `period` in WebAssembly tiles
 * ({@link eachWindowTile}), bit-equal to rawStochInto's and
 * rawStochPairInto's JavaScript loops: writes `kOut[period - 1 ..]` when
 * given, and `rOut[period - 1 ..]` times `rScale` when given, with TA-Lib's
 * arithmetic per bar (`diff = (highest - lowest) / ±100`, 0 when the range
 * is 0). Returns false when the caller must run its loop (see
 * {@link eachWindowTile}).
 *
 * @returns whether the outputs were written
 */
export function stochTilesInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  kOut: Float64Array | undefined,
  rOut: Float64Array | undefined,
  rScale: number,
): boolean {
  return eachWindowTile(high, low, close, period, (m, t0, count, off) => {
    if (kOut !== undefined) {
      m.fastK(H, L, C, 8 * K, count, off);
      kOut.set(m.mem.subarray(K, K + count), t0);
    }
    if (rOut !== undefined) {
      m.williamsR(H, L, C, 8 * R, count, off, rScale);
      rOut.set(m.mem.subarray(R, R + count), t0);
    }
  });
}
