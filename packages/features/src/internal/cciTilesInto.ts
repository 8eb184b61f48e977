import { cciTailInto } from './cciWindow.js';
import { CCI_WASM } from './wasm/cciWasm.js';
import { wasmModule } from './wasm/wasmModule.js';
import { TILE } from './windowTiles.js';

/**
 * Longest CCI window the module takes: its eight interleaved circular
 * buffers fill the first 64 KiB of its memory (8 copies x 8 bytes per slot).
 */
export const MAX_CCI_TILE_PERIOD = 1024;

/** Byte offsets in the module's memory: the rings, then a tile's highs, lows, closes and outputs. */
const RING_BYTES = 64 * MAX_CCI_TILE_PERIOD;
const AT = { high: RING_BYTES, low: RING_BYTES + 8 * TILE, close: RING_BYTES + 16 * TILE, out: RING_BYTES + 24 * TILE };
const BYTES = RING_BYTES + 32 * TILE;

interface CciModule {
  cci(h: number, l: number, c: number, o: number, groups: number, period: number, slot: number, scale: number): number;
  mem: Float64Array;
}

const instance = wasmModule(CCI_WASM, BYTES, (x, mem): CciModule => ({ cci: x.cci as CciModule['cci'], mem }));

/**
 * cciInto's work in WebAssembly (cci.wat): eight bars at a time in
 * f64x2 lanes, each summing its own copy of TA-Lib's circular buffer in slot
 * order, over tiles of {@link TILE} bars copied into the module's memory;
 * the last bars (fewer than eight) one at a time with cciWindow.
 * Every value is the JavaScript loop's (and TA-Lib's) to the bit: the same
 * operations on the same values in the same order.
 *
 * Returns false, having written nothing, when the caller must use its
 * JavaScript loop: the period is over {@link MAX_CCI_TILE_PERIOD}, the
 * series has fewer than eight bars past the warm-up, the kernels are turned
 * off (setWasmKernels) or WebAssembly with SIMD is missing.
 *
 * @returns whether `out[period - 1 ..]` was written
 */
export function cciTilesInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  scale: number,
): boolean {
  const n = close.length;
  if (period > MAX_CCI_TILE_PERIOD || n < period + 7) return false;
  const m = instance();
  if (m === null) return false;
  const { mem } = m;
  // The warm-up bars into every copy of the ring (slot i for bar i).
  for (let i = 0; i < period - 1; i++) mem.fill((high[i]! + low[i]! + close[i]!) / 3, 8 * i, 8 * i + 8);
  let slot = period - 1;
  let i = period - 1;
  for (let bars = Math.min(TILE, (n - i) & ~7); bars > 0; bars = Math.min(TILE, (n - i) & ~7)) {
    mem.set(high.subarray(i, i + bars), AT.high / 8);
    mem.set(low.subarray(i, i + bars), AT.low / 8);
    mem.set(close.subarray(i, i + bars), AT.close / 8);
    slot = m.cci(AT.high, AT.low, AT.close, AT.out, bars >> 3, period, slot, scale);
    out.set(mem.subarray(AT.out / 8, AT.out / 8 + bars), i);
    i += bars;
  }
  // The last bars on copy 0 of the ring (every copy is the last group's window).
  cciTailInto(high, low, close, period, out, scale, i, slot, mem, 8);
  return true;
}
