import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError, sliceSeries } from '@sextant/core';
import {
  CompressionType as FlCompression,
  TimeUnit as FlTimeUnit,
  setCompressionCodec,
  tableFromArrays,
  tableToIPC as flTableToIPC,
  timestamp,
} from '@uwdata/flechette';
import {
  CompressionType,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  tableFromIPC,
  tableToIPC,
} from 'apache-arrow';
import { compress as lz4Compress } from 'lz4js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candlesFromArrow, readArrowCandles, registerArrowCodecs, toArrowTable } from '../src/arrow.js';
import { loadZstd } from '../src/zstd/loadZstd.js';
import { OHLCV_DIR, bitDifference, loadReal } from './fixtures.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-arrow-'));
  const zstd = await loadZstd();
  if (zstd === undefined) throw new Error('the zstd WASM module did not load');
  // Independent writer: flechette (its own IPC encoder), with the reference
  // LZ4 frame and zstd encoders. Only the encode side is registered.
  setCompressionCodec(FlCompression.LZ4_FRAME, { encode: (d) => lz4Compress(d), decode: () => new Uint8Array() });
  setCompressionCodec(FlCompression.ZSTD, { encode: (d) => zstd.compress(d, 3), decode: () => new Uint8Array() });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A freqtrade-style Feather file (`date` as timestamp[ns, UTC]) written by flechette from the raw JSON rows. */
async function writeFreqtradeFeather(
  file: string,
  codec: (typeof FlCompression)[keyof typeof FlCompression] | null,
): Promise<string> {
  const rows = JSON.parse(await readFile(new URL(file, OHLCV_DIR), 'utf8')) as number[][];
  const col = (i: number): Float64Array => Float64Array.from(rows, (r) => r[i] as number);
  const table = tableFromArrays(
    { date: rows.map((r) => r[0] as number), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5) },
    { types: { date: timestamp(FlTimeUnit.NANOSECOND, 'UTC') } },
  );
  const path = join(root, `${file}.${codec ?? 'none'}.feather`);
  await writeFile(path, flTableToIPC(table, { format: 'file', codec }) as Uint8Array);
  return path;
}

describe('Arrow interop', () => {
  it('toArrowTable -> candlesFromArrow is bit-exact and shares the value columns', async () => {
    const series = await loadReal('GAPPY_BTC-1m.json');
    const table = toArrowTable(series);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'timestamp:Timestamp<MILLISECOND, UTC>',
      'open:Float64',
      'high:Float64',
      'low:Float64',
      'close:Float64',
      'volume:Float64',
    ]);
    const back = candlesFromArrow(table);
    expect(bitDifference(back, series)).toBeUndefined();
    expect(back.close.buffer).toBe(series.close.buffer);
    expect(table.getChild('open')?.toArray().buffer).toBe(series.open.buffer);
  });

  it('an IPC round trip through apache-arrow keeps every bit', async () => {
    const series = await loadReal('XRP_ETH-1m.json');
    const back = candlesFromArrow(tableFromIPC(tableToIPC(toArrowTable(series), 'file')));
    expect(bitDifference(back, series)).toBeUndefined();
  });

  for (const [name, codec] of [
    ['uncompressed', null],
    ['lz4', FlCompression.LZ4_FRAME],
    ['zstd', FlCompression.ZSTD],
  ] as const) {
    it(`reads a freqtrade-style ${name} Feather file written by flechette`, async () => {
      const path = await writeFreqtradeFeather('ETH_BTC-5m.json', codec);
      expect(bitDifference(await readArrowCandles(path), await loadReal('ETH_BTC-5m.json'))).toBeUndefined();
    });
  }

  it('writes compressed Arrow files through the registry and reads them back (file and stream)', async () => {
    await registerArrowCodecs();
    const series = sliceSeries(await loadReal('ADA_BTC-5m.json'), 0, 3000);
    for (const compressionType of [CompressionType.LZ4_FRAME, CompressionType.ZSTD]) {
      for (const Writer of [RecordBatchFileWriter, RecordBatchStreamWriter]) {
        const bytes = Writer.writeAll(toArrowTable(series), { compressionType }).toUint8Array(true);
        const path = join(root, `ada-${compressionType}-${Writer.name}.arrow`);
        await writeFile(path, bytes);
        expect(bitDifference(await readArrowCandles(path), series)).toBeUndefined();
      }
    }
  });

  it('bad Arrow files give typed errors naming the file', async () => {
    const garbage = join(root, 'garbage.feather');
    await writeFile(garbage, 'ARROW1 but not really');
    const e1 = await readArrowCandles(garbage).catch((e: unknown) => e);
    expect(isSextantError(e1, 'STORAGE_CORRUPT')).toBe(true);
    expect((e1 as Error).message).toContain(garbage);

    const wrong = join(root, 'wrong.feather');
    await writeFile(
      wrong,
      flTableToIPC(tableFromArrays({ id: [1, 2], name: ['a', 'b'] }), { format: 'file' }) as Uint8Array,
    );
    const e2 = await readArrowCandles(wrong).catch((e: unknown) => e);
    expect(isSextantError(e2, 'STORAGE_CORRUPT')).toBe(true);
    expect((e2 as Error).message).toMatch(/wrong\.feather.*no "timestamp" or "date" column.*"id"/);

    const e3 = await readArrowCandles(join(root, 'missing.feather')).catch((e: unknown) => e);
    expect(isSextantError(e3, 'STORAGE_IO')).toBe(true);
  });

  it('candlesFromArrow refuses nulls and non-numeric columns', () => {
    const withNull = tableFromIPC(
      flTableToIPC(
        tableFromArrays({
          timestamp: [1, 2],
          open: [1, null],
          high: [1, 1],
          low: [1, 1],
          close: [1, 1],
          volume: [1, 1],
        }),
        {
          format: 'file',
        },
      ) as Uint8Array,
    );
    expect(() => candlesFromArrow(withNull)).toThrow(/"open" has 1 null/);
    const strings = tableFromIPC(
      flTableToIPC(tableFromArrays({ timestamp: [1], open: ['x'], high: [1], low: [1], close: [1], volume: [1] }), {
        format: 'file',
      }) as Uint8Array,
    );
    expect(() => candlesFromArrow(strings)).toThrow(/"open" is Dictionary/);
  });
});
