import type { ColumnChunk, CompressionCodec, Encoding, Statistics } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { deltaBinaryPack } from 'hyparquet-writer/src/delta.js';

/**
 * Values per data page: where hyparquet-writer's default 1 MiB page size
 * splits a column of 8-byte values, so both writers lay out pages alike.
 */
const PAGE_ROWS = 131_071;

/** Parquet statistics with the NaN count hyparquet-writer serialises (its `ChunkStatistics`). */
type ChunkStatistics = Statistics & { nan_count?: bigint };

/** One column chunk to write: a row range of a timestamp or double column. */
export interface CandleColumnChunk {
  /** Column name, as in the schema. */
  name: string;
  /** Timestamps (DELTA_BINARY_PACKED) or doubles (BYTE_STREAM_SPLIT). */
  data: BigInt64Array | Float64Array;
  /** First row of the chunk. */
  start: number;
  /** Row after the last row of the chunk. */
  end: number;
  /** Compression codec written into the metadata. */
  codec: CompressionCodec;
  /** Page compressor, or undefined to store pages uncompressed. */
  compress: ((input: Uint8Array) => Uint8Array) | undefined;
}

/**
 * Write one REQUIRED column chunk of a candle file (DATA_PAGE_V2 pages,
 * min/max statistics) to `writer` and return its metadata. The same bytes
 * hyparquet-writer writes for this schema, without its per-value generic
 * path: byte-stream split and statistics run on typed arrays.
 *
 * @internal
 */
export function writeCandleColumnChunk(writer: ByteWriter, chunk: CandleColumnChunk): ColumnChunk {
  const { name, data, start, end, codec, compress } = chunk;
  const isTime = data instanceof BigInt64Array;
  const encoding: Encoding = isTime ? 'DELTA_BINARY_PACKED' : 'BYTE_STREAM_SPLIT';
  const offsetStart = writer.offset;
  let uncompressed = 0;
  for (let p = start; p < end; p += PAGE_ROWS) {
    const n = Math.min(PAGE_ROWS, end - p);
    const page = isTime ? deltaPage(data.subarray(p, p + n)) : byteStreamSplit(data.subarray(p, p + n));
    const stored = compress === undefined ? page : compress(page);
    const headerStart = writer.offset;
    writePageHeader(writer, {
      type: 'DATA_PAGE_V2',
      uncompressed_page_size: page.length,
      compressed_page_size: stored.length,
      data_page_header_v2: {
        num_values: n,
        num_nulls: 0,
        num_rows: n,
        encoding,
        definition_levels_byte_length: 0,
        repetition_levels_byte_length: 0,
        is_compressed: codec !== 'UNCOMPRESSED',
      },
    });
    uncompressed += writer.offset - headerStart + page.length;
    writer.appendBytes(stored);
  }
  const pages = Math.ceil((end - start) / PAGE_ROWS);
  return {
    meta_data: {
      type: isTime ? 'INT64' : 'DOUBLE',
      encodings: [encoding],
      path_in_schema: [name],
      codec,
      num_values: BigInt(end - start),
      total_compressed_size: BigInt(writer.offset - offsetStart),
      total_uncompressed_size: BigInt(uncompressed),
      data_page_offset: BigInt(offsetStart),
      statistics: (isTime
        ? timeStatistics(data.subarray(start, end))
        : doubleStatistics(data.subarray(start, end))) as Statistics,
      encoding_stats: [{ page_type: 'DATA_PAGE_V2', encoding, count: pages }],
    },
    file_offset: BigInt(offsetStart),
  };
}

function deltaPage(values: BigInt64Array): Uint8Array {
  const page = new ByteWriter(values.length * 2 + 64);
  deltaBinaryPack(page, values, 'INT64');
  return page.getBytes();
}

/**
 * BYTE_STREAM_SPLIT: byte 0 of every value, then byte 1, ... Each value is
 * read as two little-endian 32-bit words (two loads, not eight).
 */
function byteStreamSplit(values: Float64Array): Uint8Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const out = new Uint8Array(n * 8);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i] as number;
    const hi = words[2 * i + 1] as number;
    out[i] = lo;
    out[n + i] = lo >>> 8;
    out[2 * n + i] = lo >>> 16;
    out[3 * n + i] = lo >>> 24;
    out[4 * n + i] = hi;
    out[5 * n + i] = hi >>> 8;
    out[6 * n + i] = hi >>> 16;
    out[7 * n + i] = hi >>> 24;
  }
  return out;
}

function timeStatistics(values: BigInt64Array): ChunkStatistics {
  let min = values[0] as bigint;
  let max = min;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min_value: min, max_value: max, null_count: 0n };
}

/** Min/max skipping NaN (counted); a zero min is -0 and a zero max +0, as the spec asks. */
function doubleStatistics(values: Float64Array): ChunkStatistics {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nan = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) nan++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (nan === values.length) return { null_count: 0n, nan_count: BigInt(nan) };
  return { min_value: min === 0 ? -0 : min, max_value: max === 0 ? 0 : max, null_count: 0n, nan_count: BigInt(nan) };
}
