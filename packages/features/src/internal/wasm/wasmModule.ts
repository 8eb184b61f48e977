/** The part of the WebAssembly JS API used here (the repo's TypeScript libs leave out DOM's typings). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The exported memory's interface. */
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

let enabled = true;

/**
 * Turn the package's WebAssembly kernels off (or back on) for this process,
 * so tests and the bench can run the JavaScript loops they stand in for:
 * every {@link wasmModule} getter then returns null. Internal.
 *
 * @param on - whether the modules may run
 * @returns the previous setting
 */
export function setWasmKernels(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/**
 * A getter for one of the package's WebAssembly modules (base64, as the
 * generated `*Wasm.ts` files hold them) with at least `bytes` of memory,
 * instantiated on first use and bound by `bind` to the shape its caller
 * uses. The getter returns null where WebAssembly or its SIMD instructions
 * are missing, or while {@link setWasmKernels} has the modules off, so the
 * caller keeps its JavaScript loop.
 *
 * @param base64 - the module's bytes
 * @param bytes - memory the caller lays out, from byte 0
 * @param bind - the caller's view of the exports and of the memory (as float64 entries)
 * @returns the getter
 */
export function wasmModule<T>(
  base64: string,
  bytes: number,
  bind: (exports: Record<string, unknown>, mem: Float64Array) => T,
): () => T | null {
  let bound: T | null | undefined;
  return () => {
    if (!enabled) return null;
    if (bound === undefined) bound = instantiate(base64, bytes, bind);
    return bound;
  };
}

function instantiate<T>(
  base64: string,
  bytes: number,
  bind: (exports: Record<string, unknown>, mem: Float64Array) => T,
): T | null {
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wasm === undefined) return null;
    const code = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    if (!wasm.validate(code)) return null; // no SIMD here
    const { exports } = new wasm.Instance(new wasm.Module(code), {});
    const memory = exports.memory as WasmMemory;
    const have = memory.buffer.byteLength;
    if (have < bytes) memory.grow(Math.ceil((bytes - have) / 65536));
    return bind(exports, new Float64Array(memory.buffer, 0, bytes / 8));
  } catch {
    return null;
  }
}
