import { compress, decompress, init } from '@bokuweb/zstd-wasm';

/** The zstd functions of the WASM build, usable once {@link loadZstd} resolved. */
export interface Zstd {
  /** Compress one buffer into one zstd frame at `level`. */
  compress(input: Uint8Array, level: number): Uint8Array;
  /** Decompress one zstd frame of at most `maxSize` bytes. */
  decompress(input: Uint8Array, maxSize: number): Uint8Array;
}

let loading: Promise<Zstd | undefined> | undefined;

/**
 * Initialise the zstd WASM module once per process and return its
 * functions, or `undefined` when it cannot load. Every user in this package
 * must go through here: initialising the module twice corrupts it.
 *
 * @internal
 */
export function loadZstd(): Promise<Zstd | undefined> {
  loading ??= init().then(
    (): Zstd => ({
      compress: (input, level) => compress(input, level),
      decompress: (input, maxSize) => decompress(input, { defaultHeapSize: maxSize }),
    }),
    () => undefined,
  );
  return loading;
}
