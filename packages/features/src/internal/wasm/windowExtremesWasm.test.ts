import { describe, expect, it } from 'vitest';
import { compileWindowExtremes } from '../../../scripts/compileWat.js';
import { WINDOW_EXTREMES_WASM } from './windowExtremesWasm.js';

describe('windowExtremesWasm', () => {
  it('holds exactly the bytes windowExtremes.wat compiles to (run scripts/generateWasm.ts after editing the .wat)', async () => {
    const compiled = await compileWindowExtremes();
    expect(Buffer.from(WINDOW_EXTREMES_WASM, 'base64').equals(Buffer.from(compiled))).toBe(true);
  });

  it('is a valid module with SIMD on this Node', () => {
    const wasm = (globalThis as { WebAssembly?: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    expect(wasm?.validate(Buffer.from(WINDOW_EXTREMES_WASM, 'base64'))).toBe(true);
  });
});
