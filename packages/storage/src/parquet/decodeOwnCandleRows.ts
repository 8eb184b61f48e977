import type { CandleSeries } from '@sextant/core';
import type { AsyncBuffer, ColumnChunk, Compressors, FileMetaData } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage } from 'hyparquet/src/datapage.js';
import { deltaBinaryUnpack } from 'hyparquet/src/delta.js';

/**
 * Decode rows `[start, end)` (row-group aligned) of the `wanted` columns of
 * a candle file laid out as this package writes it — REQUIRED columns,
 * DATA_PAGE_V2 pages without nulls, DELTA_BINARY_PACKED INT64 millisecond
 * timestamps, BYTE_STREAM_SPLIT doubles — straight into `out`, with one
 * read of the byte range. Returns false, having written nothing, when the
 * file's metadata shows another layout (the caller then uses hyparquet's
 * generic reader). Throws on a page that contradicts its metadata.
 *
 * @internal
 */
export async function decodeOwnCandleRows(
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  start: number,
  end: number,
  wanted: readonly string[],
  out: CandleSeries,
  compressors: Compressors,
): Promise<boolean> {
  const leaves = metadata.schema.slice(1);
  if (leaves.some((el) => el.num_children !== undefined || el.repetition_type !== 'REQUIRED')) return false;
  const index = wanted.map((name) => leaves.findIndex((el) => el.name === name));
  const ts = leaves[index[0] ?? -1];
  if (ts?.type !== 'INT64' || ts.logical_type?.type !== 'TIMESTAMP' || ts.logical_type.unit !== 'MILLIS') return false;
  // Row groups in the span, and the byte range holding their wanted chunks.
  const groups: { row: number; chunks: ColumnChunk[] }[] = [];
  let row = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    if (row >= start && row + rows <= end) {
      const chunks: ColumnChunk[] = [];
      for (const [k, i] of index.entries()) {
        const chunk = group.columns[i];
        const meta = chunk?.meta_data;
        const encoding = k === 0 ? 'DELTA_BINARY_PACKED' : 'BYTE_STREAM_SPLIT';
        const type = k === 0 ? 'INT64' : 'DOUBLE';
        if (chunk === undefined || meta === undefined || meta.type !== type) return false;
        if (meta.encodings.length !== 1 || meta.encodings[0] !== encoding || meta.dictionary_page_offset !== undefined)
          return false;
        if (Number(meta.num_values) !== rows) return false;
        const offset = Number(meta.data_page_offset);
        lo = Math.min(lo, offset);
        hi = Math.max(hi, offset + Number(meta.total_compressed_size));
        chunks.push(chunk);
      }
      groups.push({ row, chunks });
    } else if (row < end && row + rows > start) return false; // span not aligned to row groups
    row += rows;
  }
  if (groups.length === 0) return false;
  const bytes = new Uint8Array(await buffer.slice(lo, hi));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const group of groups) {
    for (const [k, chunk] of group.chunks.entries()) {
      const meta = chunk.meta_data as NonNullable<ColumnChunk['meta_data']>;
      const col = out[wanted[k] as keyof CandleSeries] as Float64Array;
      const reader = { view, offset: Number(meta.data_page_offset) - lo };
      let at = group.row - start;
      let left = Number(meta.num_values);
      while (left > 0) {
        const header = parquetHeader(reader);
        const v2 = header.data_page_header_v2;
        if (header.type !== 'DATA_PAGE_V2' || v2 === undefined) throw new Error(`unexpected ${header.type} page`);
        if (v2.num_nulls !== 0 || v2.definition_levels_byte_length !== 0 || v2.repetition_levels_byte_length !== 0)
          throw new Error('unexpected levels in a REQUIRED column');
        const n = v2.num_values;
        if (n <= 0 || n > left) throw new Error(`page of ${n} values in a chunk with ${left} left`);
        const stored = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
        const page =
          v2.is_compressed === false
            ? stored
            : decompressPage(stored, header.uncompressed_page_size, meta.codec, compressors);
        if (k === 0) decodeTimestamps(page, n, col, at);
        else decodeDoubles(page, n, col, at);
        reader.offset += header.compressed_page_size;
        at += n;
        left -= n;
      }
    }
  }
  return true;
}

function decodeTimestamps(page: Uint8Array, n: number, col: Float64Array, at: number): void {
  const values = new BigInt64Array(n);
  deltaBinaryUnpack({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, n, values);
  for (let i = 0; i < n; i++) col[at + i] = Number(values[i]);
}

/**
 * BYTE_STREAM_SPLIT doubles: byte b of value i is at `b * n + i`. Each value
 * is assembled as two little-endian 32-bit words (two stores, not eight).
 */
function decodeDoubles(page: Uint8Array, n: number, col: Float64Array, at: number): void {
  if (page.length < n * 8) throw new Error(`page of ${page.length} bytes is short for ${n} doubles`);
  const dst = new Uint32Array(col.buffer, col.byteOffset + at * 8, n * 2);
  const s1 = n;
  const s2 = 2 * n;
  const s3 = 3 * n;
  const s4 = 4 * n;
  const s5 = 5 * n;
  const s6 = 6 * n;
  const s7 = 7 * n;
  for (let i = 0; i < n; i++) {
    dst[2 * i] =
      ((page[i] as number) |
        ((page[s1 + i] as number) << 8) |
        ((page[s2 + i] as number) << 16) |
        ((page[s3 + i] as number) << 24)) >>>
      0;
    dst[2 * i + 1] =
      ((page[s4 + i] as number) |
        ((page[s5 + i] as number) << 8) |
        ((page[s6 + i] as number) << 16) |
        ((page[s7 + i] as number) << 24)) >>>
      0;
  }
}
