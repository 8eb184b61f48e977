import { logRatio } from './logRatio.js';
import { LOG_RETURNS_WASM } from './wasm/logReturnsWasm.js';
import { wasmModule } from './wasm/wasmModule.js';
import { TILE } from './windowTiles.js';

/** Float64 offsets in the module's memory: newer values, older values, outputs (each with a slack value), then the far list. */
const SPAN = TILE + 2;
const AT = { newer: 0, older: SPAN, out: 2 * SPAN, far: 3 * SPAN };
const BYTES = 8 * 3 * SPAN + 4 * TILE;

interface LogReturnsModule {
  logRatios(a: number, b: number, o: number, count: number, far: number): number;
  mem: Float64Array;
  far: Int32Array;
}

const instance = wasmModule(
  LOG_RETURNS_WASM,
  BYTES,
  (x, mem): LogReturnsModule => ({
    logRatios: x.logRatios as LogReturnsModule['logRatios'],
    mem,
    far: new Int32Array(mem.buffer, 8 * AT.far, TILE),
  }),
);

/**
 * {@link logReturnsInto}'s work in WebAssembly (logReturns.wat): two bars
 * at a time in f64x2 lanes, over tiles of {@link TILE} bars copied into the
 * module's memory. Each lane performs {@link logRatio}'s operations in its
 * order, so every value is logRatio's to the bit; the bars whose ratio is
 * 1/16 or more from 1 (or NaN), where logRatio takes `Math.log`, come back
 * listed and are written with logRatio itself.
 *
 * Returns false, having written nothing, when the kernels are turned off
 * (setWasmKernels) or WebAssembly with SIMD is missing.
 *
 * @returns whether `out[period ..]` was written
 */
export function logReturnsTilesInto(values: Float64Array, period: number, out: Float64Array): boolean {
  const m = instance();
  if (m === null) return false;
  const { mem, far } = m;
  const n = values.length;
  for (let i = period; i < n; i += TILE) {
    const count = Math.min(TILE, n - i);
    mem.set(values.subarray(i, i + count), AT.newer);
    mem.set(values.subarray(i - period, i - period + count), AT.older);
    mem[AT.newer + count] = 1; // slack for an odd count: a ratio of 1
    mem[AT.older + count] = 1;
    const farCount = m.logRatios(8 * AT.newer, 8 * AT.older, 8 * AT.out, count, 8 * AT.far);
    out.set(mem.subarray(AT.out, AT.out + count), i);
    for (let k = 0; k < farCount; k++) {
      const j = i + far[k]!;
      out[j] = logRatio(values[j]!, values[j - period]!);
    }
  }
  return true;
}
