import { CompressionType, compressionRegistry } from 'apache-arrow';
import { decompress as zstdDecompress } from 'fzstd';
import { compress as lz4Compress, decompress as lz4Decompress } from 'lz4js';
import { loadZstd } from '../zstd/loadZstd.js';

let registered: Promise<void> | undefined;

/**
 * Register LZ4 (frame format) and zstd with apache-arrow's compression
 * registry, so compressed Arrow IPC / Feather files (freqtrade's candle
 * format, pyarrow's `compression='lz4' | 'zstd'`) can be read, and tables
 * can be written compressed. Idempotent; {@link readArrowCandles} calls it.
 * Decoding is pure JS (lz4js, fzstd); zstd encoding uses the WASM build of
 * the reference library.
 *
 * @returns when both codecs are registered
 * @example
 * ```ts
 * import { registerArrowCodecs } from '@sextant/storage/arrow';
 * import { tableFromIPC } from 'apache-arrow';
 * await registerArrowCodecs();
 * const table = tableFromIPC(featherBytes);
 * ```
 */
export function registerArrowCodecs(): Promise<void> {
  registered ??= (async () => {
    compressionRegistry.set(CompressionType.LZ4_FRAME, {
      encode: (data) => lz4Compress(data),
      decode: (data) => ownBuffer(lz4Decompress(plain(data))),
    });
    const zstd = await loadZstd();
    compressionRegistry.set(CompressionType.ZSTD, {
      ...(zstd ? { encode: (data: Uint8Array) => zstd.compress(data, 3) } : {}),
      decode: (data) => ownBuffer(zstdDecompress(plain(data))),
    });
  })();
  return registered;
}

/** `bytes` on a buffer of its own: apache-arrow lays decoded buffers out assuming offset 0. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/**
 * A plain Uint8Array view of `bytes`: a Node Buffer's `slice` shares memory
 * instead of copying, which breaks decoders that rely on copy semantics.
 */
function plain(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}
