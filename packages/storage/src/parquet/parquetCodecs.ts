import { compress as zstdCompress, decompress as zstdDecompress, init as initZstd } from '@bokuweb/zstd-wasm';
import type { CompressionCodec, Compressors as ReadCompressors } from 'hyparquet';
import { compressors as readCompressors } from 'hyparquet-compressors';

/** Parquet codecs this package writes. */
export const PARQUET_CODECS = ['ZSTD', 'SNAPPY', 'UNCOMPRESSED'] as const;

/** One of {@link PARQUET_CODECS}. */
export type ParquetCodec = (typeof PARQUET_CODECS)[number];

/** A write-side compressor as hyparquet-writer takes it. */
type Compress = (input: Uint8Array) => Uint8Array;

/** What {@link loadParquetCodecs} resolved. */
export interface ParquetCodecs {
  /** The codec to write with: the requested one, or SNAPPY when zstd is unavailable. */
  codec: ParquetCodec;
  /** Write-side compressors for hyparquet-writer. */
  compressors: Partial<Record<CompressionCodec, Compress>>;
}

/** zstd level used for Parquet pages: 3 is zstd's default speed/size balance. */
const ZSTD_LEVEL = 3;

let zstdReady: Promise<boolean> | undefined;

/** Initialise the zstd WASM module once; false when it cannot load. */
function loadZstd(): Promise<boolean> {
  zstdReady ??= initZstd().then(
    () => true,
    () => false,
  );
  return zstdReady;
}

/**
 * Resolve the codec and compressors to write with. zstd comes from a WASM
 * build of the reference library; if it cannot load, SNAPPY is used instead.
 *
 * @param requested - the codec asked for (default ZSTD)
 * @returns codec and compressors
 * @internal
 */
export async function loadParquetCodecs(requested: ParquetCodec = 'ZSTD'): Promise<ParquetCodecs> {
  if (requested !== 'ZSTD') return { codec: requested, compressors: {} };
  if (!(await loadZstd())) return { codec: 'SNAPPY', compressors: {} };
  return { codec: 'ZSTD', compressors: { ZSTD: (input) => zstdCompress(input, ZSTD_LEVEL) } };
}

/**
 * Read-side decompressors: every codec of hyparquet-compressors, with zstd
 * pages decoded by the WASM build when it is loaded (faster than pure JS).
 *
 * @returns decompressors for hyparquet
 * @internal
 */
export async function loadParquetDecompressors(): Promise<ReadCompressors> {
  const fallback = readCompressors.ZSTD;
  if (!(await loadZstd()) || fallback === undefined) return readCompressors;
  return {
    ...readCompressors,
    ZSTD: (input, outputLength) => {
      try {
        const out = zstdDecompress(input, { defaultHeapSize: outputLength });
        if (out.length === outputLength) return out;
      } catch {
        // frames without a content size: the pure-JS decoder handles them
      }
      return fallback(input, outputLength);
    },
  };
}
