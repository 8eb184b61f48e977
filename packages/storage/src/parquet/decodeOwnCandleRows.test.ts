import { allocateCandleSeries } from '@sextant/core';
import { type AsyncBuffer, parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { bitDifference, loadReal } from '../../test/fixtures.js';
import { CANDLE_PARQUET_SCHEMA, VALUE_COLUMNS } from './candleParquetSchema.js';
import { decodeCandlesParquet } from './decodeCandlesParquet.js';
import { decodeOwnCandleRows } from './decodeOwnCandleRows.js';
import { encodeCandlesParquet } from './encodeCandlesParquet.js';
import { loadParquetDecompressors } from './parquetCodecs.js';

const COLUMNS = ['timestamp', ...VALUE_COLUMNS];

function asyncBuffer(bytes: Uint8Array): AsyncBuffer {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) };
}

describe('decodeOwnCandleRows', () => {
  it('decodes the same values as hyparquet’s generic reader, whole file and a row-group span', async () => {
    const series = await loadReal('ETH_BTC-5m.json');
    const bytes = await encodeCandlesParquet(series, { rowGroupSize: 1000 });
    const buffer = asyncBuffer(bytes);
    const metadata = parquetMetadata(bytes.slice().buffer);
    // Reference: hyparquet's row objects (independent decode path: its own BSS and delta readers).
    const rows = await parquetReadObjects({ file: buffer, compressors: await loadParquetDecompressors() });
    for (const [start, end] of [
      [0, series.length],
      [2000, 4000],
    ] as const) {
      const out = allocateCandleSeries(end - start);
      const used = await decodeOwnCandleRows(
        buffer,
        metadata,
        start,
        end,
        COLUMNS,
        out,
        await loadParquetDecompressors(),
      );
      expect(used).toBe(true);
      for (let i = 0; i < out.length; i++) {
        const row = rows[start + i] as Record<string, unknown>;
        expect(out.timestamp[i]).toBe((row.timestamp as Date).getTime());
        for (const name of VALUE_COLUMNS) expect(Object.is(out[name][i], row[name])).toBe(true);
      }
    }
  });

  it('declines other layouts (PLAIN doubles, unaligned spans), and those files still read bit for bit', async () => {
    const series = await loadReal('ETH_BTC-5m.json');
    const writer = new ByteWriter();
    await parquetWrite({
      writer,
      schema: CANDLE_PARQUET_SCHEMA,
      columnData: [
        { name: 'timestamp', data: BigInt64Array.from(series.timestamp, BigInt) },
        ...VALUE_COLUMNS.map((name) => ({ name, data: series[name], encoding: 'PLAIN' as const })),
      ],
      rowGroupSize: 1000,
    });
    const plain = writer.getBytes();
    const decompressors = await loadParquetDecompressors();
    const out = allocateCandleSeries(1000);
    const plainMeta = parquetMetadata(plain.slice().buffer);
    expect(await decodeOwnCandleRows(asyncBuffer(plain), plainMeta, 0, 1000, COLUMNS, out, decompressors)).toBe(false);
    const ours = await encodeCandlesParquet(series, { rowGroupSize: 1000 });
    const oursMeta = parquetMetadata(ours.slice().buffer);
    expect(await decodeOwnCandleRows(asyncBuffer(ours), oursMeta, 500, 1500, COLUMNS, out, decompressors)).toBe(false);
    expect(out.close.every((v) => v === 0)).toBe(true); // nothing written when declining
    expect(bitDifference(await decodeCandlesParquet('plain', asyncBuffer(plain)), series)).toBeUndefined();
  });
});
