import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

/** The WebAssembly text source of the window-extremes tiles. */
export const WINDOW_EXTREMES_WAT = join(import.meta.dirname, '..', 'src', 'internal', 'wasm', 'windowExtremes.wat');

/**
 * Compile src/internal/wasm/windowExtremes.wat to WebAssembly bytes with
 * wabt (SIMD on, no names section, so the bytes depend on the source alone).
 * Used by generateWasm.ts, which commits the bytes, and by the test that
 * checks the committed bytes are this source's.
 *
 * @returns the module's bytes
 */
export async function compileWindowExtremes(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat(WINDOW_EXTREMES_WAT, readFileSync(WINDOW_EXTREMES_WAT, 'utf8'), { simd: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
