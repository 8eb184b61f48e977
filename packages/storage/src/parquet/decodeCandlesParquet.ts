import { type CandleSeries, allocateCandleSeries } from '@sextant/core';
import {
  type AsyncBuffer,
  type FileMetaData,
  type ParquetParsers,
  type SchemaElement,
  parquetMetadataAsync,
  parquetRead,
} from 'hyparquet';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { CANDLE_SCHEMA_VERSION, SCHEMA_VERSION_KEY, VALUE_COLUMNS } from './candleParquetSchema.js';
import { decodeOwnCandleRows } from './decodeOwnCandleRows.js';
import { loadParquetDecompressors } from './parquetCodecs.js';

/** Time range of a read, ms since the epoch, both ends inclusive. */
export interface TimeRange {
  /** First open time to include. */
  from?: number;
  /** Last open time to include. */
  to?: number;
}

/** Timestamps decoded straight to ms numbers (no Date objects). */
export const MS_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v / 1000n),
  timestampFromNanoseconds: (v: bigint) => Number(v / 1000000n),
};

/** Bytes fetched from the end of a file for its footer: enough for thousands of row groups, far less than a month of 1m data. */
const FOOTER_FETCH_BYTES = 65_536;

const NUMERIC_TYPES = new Set(['DOUBLE', 'FLOAT', 'INT32', 'INT64']);

/**
 * Parse the footer of a Parquet file, naming the file when it is not one.
 *
 * @internal
 */
export async function readParquetFooter(file: string, buffer: AsyncBuffer): Promise<FileMetaData> {
  if (buffer.byteLength < 12) {
    throw new StorageCorruptError(file, `truncated: ${buffer.byteLength} bytes is too short for a Parquet file`);
  }
  try {
    return await parquetMetadataAsync(buffer, { parsers: MS_PARSERS, initialFetchSize: FOOTER_FETCH_BYTES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new StorageCorruptError(file, `not a readable Parquet file (${msg})`, { cause: e });
  }
}

/** Check the file holds the six candle columns with usable types, in a layout version this reader knows. */
export function checkCandleSchema(file: string, metadata: FileMetaData): void {
  const version = metadata.key_value_metadata?.find((kv) => kv.key === SCHEMA_VERSION_KEY)?.value;
  if (version !== undefined && Number(version) > Number(CANDLE_SCHEMA_VERSION)) {
    throw new StorageCorruptError(
      file,
      `schema version "${version}" is newer than this reader's "${CANDLE_SCHEMA_VERSION}" (upgrade @sextant/storage)`,
    );
  }
  const byName = new Map<string, SchemaElement>();
  for (const el of metadata.schema.slice(1)) byName.set(el.name, el);
  const ts = byName.get('timestamp');
  if (ts === undefined)
    throw new StorageCorruptError(file, `wrong schema: no "timestamp" column (has ${names(byName)})`);
  if (ts.type !== 'INT64' && ts.type !== 'DOUBLE') {
    throw new StorageCorruptError(
      file,
      `wrong schema: "timestamp" is ${ts.type ?? 'a group'}, expected INT64 TIMESTAMP`,
    );
  }
  for (const name of VALUE_COLUMNS) {
    const el = byName.get(name);
    if (el === undefined)
      throw new StorageCorruptError(file, `wrong schema: no "${name}" column (has ${names(byName)})`);
    if (el.type === undefined || !NUMERIC_TYPES.has(el.type)) {
      throw new StorageCorruptError(file, `wrong schema: "${name}" is ${el.type ?? 'a group'}, expected DOUBLE`);
    }
  }
}

function names(byName: Map<string, SchemaElement>): string {
  return [...byName.keys()].map((n) => `"${n}"`).join(', ');
}

/**
 * The row span [start, end) of the row groups whose timestamp statistics
 * overlap `range`. Groups without statistics are always kept.
 */
export function rowSpanFor(metadata: FileMetaData, range: TimeRange): { start: number; end: number } {
  const tsIndex = metadata.schema.slice(1).findIndex((el) => el.name === 'timestamp');
  let start = -1;
  let end = 0;
  let offset = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const stats = group.columns[tsIndex]?.meta_data?.statistics;
    const min = toNumber(stats?.min_value ?? stats?.min);
    const max = toNumber(stats?.max_value ?? stats?.max);
    const before = range.to !== undefined && min !== undefined && min > range.to;
    const after = range.from !== undefined && max !== undefined && max < range.from;
    if (!before && !after) {
      if (start < 0) start = offset;
      end = offset + rows;
    }
    offset += rows;
  }
  return start < 0 ? { start: 0, end: 0 } : { start, end };
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  return undefined;
}

/**
 * Decode the candle columns of a Parquet file, reading only the row groups
 * that overlap `range`, then trimming rows outside it. With
 * `timestampsOnly`, only `timestamp` is decoded (the other columns stay 0).
 *
 * @internal
 */
export async function decodeCandlesParquet(
  file: string,
  buffer: AsyncBuffer,
  range: TimeRange = {},
  footer?: FileMetaData,
  timestampsOnly = false,
): Promise<CandleSeries> {
  const wanted = timestampsOnly ? ['timestamp'] : ['timestamp', ...VALUE_COLUMNS];
  const metadata = footer ?? (await readParquetFooter(file, buffer));
  checkCandleSchema(file, metadata);
  const { start, end } = rowSpanFor(metadata, range);
  const out = allocateCandleSeries(end - start);
  const filled = new Map<string, number>();
  let bad: string | undefined;
  if (end > start) {
    const { raw, toMs } = rawTimestamps(metadata);
    try {
      const compressors = await loadParquetDecompressors();
      if (await decodeOwnCandleRows(buffer, metadata, start, end, wanted, out, compressors)) {
        for (const name of wanted) filled.set(name, end - start);
      } else
        await parquetRead({
          file: buffer,
          metadata: raw,
          columns: wanted,
          rowStart: start,
          rowEnd: end,
          parsers: MS_PARSERS,
          compressors,
          onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
            const col = out[columnName as keyof typeof out] as Float64Array;
            const from = Math.max(rowStart, start);
            const to = Math.min(rowEnd, end);
            if (to <= from) return;
            if (columnName === 'timestamp' && !(columnData instanceof Float64Array)) {
              for (let r = from; r < to; r++) {
                const v = columnData[r - rowStart];
                if (typeof v === 'bigint') col[r - start] = toMs(v);
                else if (typeof v === 'number') col[r - start] = v;
                else bad ??= `null in column "timestamp" at row ${r}`;
              }
            } else if (columnData instanceof Float64Array) {
              col.set(columnData.subarray(from - rowStart, to - rowStart), from - start);
            } else {
              for (let r = from; r < to; r++) {
                const v = columnData[r - rowStart];
                if (v === null || v === undefined) bad ??= `null in column "${columnName}" at row ${r}`;
                col[r - start] = typeof v === 'number' ? v : Number(v);
              }
            }
            filled.set(columnName, (filled.get(columnName) ?? 0) + (to - from));
          },
        });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new StorageCorruptError(file, `cannot decode row data (${msg})`, { cause: e });
    }
    for (const name of wanted) {
      const got = filled.get(name) ?? 0;
      bad ??= got === end - start ? undefined : `column "${name}" has ${got} rows, expected ${end - start}`;
    }
    if (bad !== undefined) throw new StorageCorruptError(file, bad);
  }
  return range.from === undefined && range.to === undefined ? out : trimToRange(out, range);
}

/**
 * The footer with the `timestamp` column's logical type removed, so hyparquet
 * hands back its raw INT64 values (no per-value Date/number conversion), and
 * the function turning one raw value into ms.
 */
function rawTimestamps(metadata: FileMetaData): { raw: FileMetaData; toMs: (v: bigint) => number } {
  const schema = metadata.schema.map((el) => {
    if (el.name !== 'timestamp' || el.type !== 'INT64') return el;
    const { converted_type: _c, logical_type: _l, ...rest } = el;
    return rest;
  });
  const el = metadata.schema.find((e) => e.name === 'timestamp');
  const unit =
    el?.logical_type?.type === 'TIMESTAMP'
      ? el.logical_type.unit
      : el?.converted_type === 'TIMESTAMP_MICROS'
        ? 'MICROS'
        : 'MILLIS';
  const toMs =
    unit === 'NANOS'
      ? (v: bigint) => Number(v / 1_000_000n)
      : unit === 'MICROS'
        ? (v: bigint) => Number(v / 1000n)
        : (v: bigint) => Number(v);
  return { raw: { ...metadata, schema }, toMs };
}

/** Rows of `s` whose timestamp lies in `range` (kept in file order). */
function trimToRange(s: CandleSeries, range: TimeRange): CandleSeries {
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  const keep: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const t = s.timestamp[i] as number;
    if (t >= from && t <= to) keep.push(i);
  }
  if (keep.length === s.length) return s;
  const out = allocateCandleSeries(keep.length);
  for (const f of ['timestamp', ...VALUE_COLUMNS] as const) {
    const src = s[f];
    const dst = out[f];
    for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k] as number] as number;
  }
  return out;
}
