import { describe, expect, it } from 'vitest';
import { WASM_MODULES, compileWat } from '../../../scripts/compileWat.js';
import { CCI_WASM } from './cciWasm.js';
import { LOG_RETURNS_WASM } from './logReturnsWasm.js';
import { WINDOW_EXTREMES_WASM } from './windowExtremesWasm.js';

const shipped: Record<(typeof WASM_MODULES)[number]['constant'], string> = {
  WINDOW_EXTREMES_WASM,
  CCI_WASM,
  LOG_RETURNS_WASM,
};

describe.each(WASM_MODULES)('$name.wat', ({ name, constant }) => {
  it(`is shipped as exactly the bytes it compiles to (run scripts/generateWasm.ts after editing ${name}.wat)`, async () => {
    const compiled = await compileWat(name);
    expect(Buffer.from(shipped[constant], 'base64').equals(Buffer.from(compiled))).toBe(true);
  });

  it('is a valid module with SIMD on this Node', () => {
    const wasm = (globalThis as { WebAssembly?: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    expect(wasm?.validate(Buffer.from(shipped[constant], 'base64'))).toBe(true);
  });
});
