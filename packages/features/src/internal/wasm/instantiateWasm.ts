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

/** A module's exports, and its memory as float64 entries. */
export interface WasmInstance {
  exports: Record<string, unknown>;
  mem: Float64Array;
}

/**
 * Instantiate one of the package's WebAssembly modules (base64, as the
 * generated `*Wasm.ts` files hold them) with at least `bytes` of memory.
 * Returns null where WebAssembly or its SIMD instructions are missing, so
 * the caller keeps its JavaScript loop.
 *
 * @param base64 - the module's bytes
 * @param bytes - memory the caller lays out, from byte 0
 * @returns the exports and memory, or null
 */
export function instantiateWasm(base64: string, bytes: number): WasmInstance | null {
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wasm === undefined) return null;
    const code = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    if (!wasm.validate(code)) return null; // no SIMD here
    const { exports } = new wasm.Instance(new wasm.Module(code), {});
    const memory = exports.memory as WasmMemory;
    const have = memory.buffer.byteLength;
    if (have < bytes) memory.grow(Math.ceil((bytes - have) / 65536));
    return { exports, mem: new Float64Array(memory.buffer, 0, bytes / 8) };
  } catch {
    return null;
  }
}
