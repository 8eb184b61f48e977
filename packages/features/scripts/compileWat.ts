import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

/**
 * The WebAssembly modules the package ships, by name: `src/internal/wasm/<name>.wat`
 * compiles to `<name>Wasm.ts`, which exports the bytes as `constant` (base64).
 */
export const WASM_MODULES = [
  { name: 'windowExtremes', constant: 'WINDOW_EXTREMES_WASM' },
  { name: 'cci', constant: 'CCI_WASM' },
  { name: 'logReturns', constant: 'LOG_RETURNS_WASM' },
] as const;

/** Where the package's .wat sources and their generated TypeScript live. */
export const WASM_DIR = join(import.meta.dirname, '..', 'src', 'internal', 'wasm');

/**
 * Compile `src/internal/wasm/<name>.wat` to WebAssembly bytes with wabt
 * (SIMD on, no names section, so the bytes depend on the source alone).
 * Used by generateWasm.ts, which commits the bytes, and by the test that
 * checks the committed bytes are the sources'.
 *
 * @param name - the module's name, one of {@link WASM_MODULES}
 * @returns the module's bytes
 */
export async function compileWat(name: (typeof WASM_MODULES)[number]['name']): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const file = join(WASM_DIR, `${name}.wat`);
  const mod = wabt.parseWat(file, readFileSync(file, 'utf8'), { simd: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
