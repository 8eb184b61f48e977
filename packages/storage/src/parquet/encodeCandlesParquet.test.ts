import type { CandleSeries } from '@sextant/core';
import { parquetMetadata } from 'hyparquet';
import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { syntheticCandles } from '../../bench/synthetic.js';
import { bitDifference, loadReal } from '../../test/fixtures.js';
import {
  CANDLE_PARQUET_SCHEMA,
  CANDLE_SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  VALUE_COLUMNS,
  WRITER_KEY,
  WRITER_VERSION,
} from './candleParquetSchema.js';
import { decodeCandlesParquet } from './decodeCandlesParquet.js';
import { type EncodeCandlesOptions, encodeCandlesParquet } from './encodeCandlesParquet.js';
import { type ParquetCodec, loadParquetCodecs } from './parquetCodecs.js';

/**
 * The reference: the same file through hyparquet-writer's generic
 * `parquetWrite` (the writer this package used before its own column-chunk
 * encoder), with the same schema, encodings, codec and metadata.
 */
async function referenceBytes(series: CandleSeries, codec: ParquetCodec, rowGroupSize: number): Promise<Uint8Array> {
  const loaded = await loadParquetCodecs(codec);
  const writer = new ByteWriter();
  await parquetWrite({
    writer,
    schema: CANDLE_PARQUET_SCHEMA,
    columnData: [
      { name: 'timestamp', data: BigInt64Array.from(series.timestamp, BigInt), encoding: 'DELTA_BINARY_PACKED' },
      ...VALUE_COLUMNS.map((name) => ({ name, data: series[name], encoding: 'BYTE_STREAM_SPLIT' as const })),
    ],
    codec: loaded.codec,
    compressors: loaded.compressors,
    rowGroupSize,
    kvMetadata: [
      { key: SCHEMA_VERSION_KEY, value: CANDLE_SCHEMA_VERSION },
      { key: WRITER_KEY, value: WRITER_VERSION },
      { key: 'x', value: 'y' },
    ],
    createdBy: WRITER_VERSION,
  });
  return writer.getBytes();
}

describe('encodeCandlesParquet', () => {
  it.each(['ZSTD', 'SNAPPY'] as const)(
    'writes the same bytes as hyparquet-writer (%s, real candles)',
    async (codec) => {
      const series = await loadReal('ETH_BTC-5m.json');
      const options: EncodeCandlesOptions = { codec, rowGroupSize: 1000, metadata: { x: 'y' } };
      const ours = await encodeCandlesParquet(series, options);
      expect(Buffer.from(ours).equals(Buffer.from(await referenceBytes(series, codec, 1000)))).toBe(true);
    },
  );

  it('writes the same statistics as hyparquet-writer for zeros and NaN', async () => {
    const series = syntheticCandles(300, 7);
    series.volume.fill(0, 0, 100); // row group 0: all zeros -> min -0, max +0
    series.volume[100] = -0;
    series.volume.fill(Number.NaN, 200, 300); // row group 2: all NaN -> no min/max
    series.open[150] = Number.NaN; // row group 1: one NaN, counted and skipped
    const ours = await encodeCandlesParquet(series, { rowGroupSize: 100, metadata: { x: 'y' } });
    const reference = await referenceBytes(series, 'ZSTD', 100);
    expect(Buffer.from(ours).equals(Buffer.from(reference))).toBe(true);
    const meta = parquetMetadata(ours.slice().buffer);
    const volume = (g: number) => meta.row_groups[g]?.columns[5]?.meta_data?.statistics;
    expect(Object.is(volume(0)?.min_value, -0)).toBe(true);
    expect(Object.is(volume(0)?.max_value, 0)).toBe(true);
    expect(volume(2)?.min_value).toBeUndefined();
  });

  it('splits a large row group into pages and reads back bit for bit', async () => {
    const series = syntheticCandles(300_000, 11);
    const bytes = await encodeCandlesParquet(series, { rowGroupSize: 300_000 });
    const meta = parquetMetadata(bytes.slice().buffer);
    expect(meta.row_groups.length).toBe(1);
    // 131,071 values per page (hyparquet-writer's 1 MiB split): 3 pages per column.
    expect(meta.row_groups[0]?.columns[1]?.meta_data?.encoding_stats?.[0]?.count).toBe(3);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const back = await decodeCandlesParquet('big', {
      byteLength: buffer.byteLength,
      slice: (s, e) => buffer.slice(s, e),
    });
    expect(bitDifference(back, series)).toBeUndefined();
  });
});
