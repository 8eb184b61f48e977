import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type CandleSeries, createCandleSeries } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetCandleStore, readCandlesParquet } from '../src/index.js';
import { OHLCV_DIR, bitDifference, loadReal } from './fixtures.js';

// Independent reference: DuckDB (its own Parquet reader/writer and JSON parser).
let root: string;
let db: DuckDBConnection;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-duck-'));
  db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
});
afterAll(async () => {
  db.closeSync();
  await rm(root, { recursive: true, force: true });
});

const sql = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A series from DuckDB rows of [ts (bigint ms), o, h, l, c, v]. */
function seriesFromRows(rows: unknown[][]): CandleSeries {
  const col = (i: number): number[] => rows.map((r) => Number(r[i]));
  return createCandleSeries({
    timestamp: col(0),
    open: col(1),
    high: col(2),
    low: col(3),
    close: col(4),
    volume: col(5),
  });
}

const DATASETS = [
  { file: 'ETH_BTC-30m.json', key: { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '30m' } },
  { file: 'ETH_BTC-5m.json', key: { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' } },
  { file: 'GAPPY_BTC-1m.json', key: { exchange: 'binance', symbol: 'GAPPY/BTC', timeframe: '1m' } },
  { file: 'XRP_USDT_USDT-5m-futures.json', key: { exchange: 'binance', symbol: 'XRP/USDT:USDT', timeframe: '5m' } },
] as const;

describe('DuckDB interop', () => {
  it('DuckDB reads the store root as a Hive-partitioned dataset with identical values', async () => {
    const store = new ParquetCandleStore({ root });
    for (const { file, key } of DATASETS) await store.write(key, await loadReal(file));
    const glob = join(root, '**', '*.parquet');
    for (const { file, key } of DATASETS) {
      const reader = await db.runAndReadAll(
        `SELECT epoch_ms(timestamp), open, high, low, close, volume FROM read_parquet(${sql(glob)}, hive_partitioning = true)
         WHERE exchange = ${sql(key.exchange)} AND symbol = ${sql(key.symbol.replace(/[/:]/g, '_'))} AND timeframe = ${sql(key.timeframe)}
         ORDER BY timestamp`,
      );
      const fromDuck = seriesFromRows(reader.getRowsJS() as unknown[][]);
      expect(bitDifference(fromDuck, await loadReal(file)), file).toBeUndefined();
    }
    const parts = await db.runAndReadAll(
      `SELECT DISTINCT month FROM read_parquet(${sql(glob)}, hive_partitioning = true) WHERE timeframe = '30m' ORDER BY month`,
    );
    expect(parts.getRowsJS().flat()).toEqual(['2017-12', '2018-01']);
  });

  it('DuckDB sees the schema, UTC timestamps and key-value metadata', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'schema') });
    await store.write(DATASETS[1].key, await loadReal(DATASETS[1].file));
    const file = join(
      root,
      'schema',
      'exchange=binance',
      'symbol=ETH_BTC',
      'timeframe=5m',
      'month=2018-01',
      'part-0.parquet',
    );
    const schema = await db.runAndReadAll(
      `SELECT name, type, converted_type, logical_type FROM parquet_schema(${sql(file)}) WHERE name <> 'schema' ORDER BY name`,
    );
    const rows = schema.getRowsJS() as string[][];
    const ts = rows.find((r) => r[0] === 'timestamp');
    expect(ts?.[1]).toBe('INT64');
    expect(ts?.[3]).toMatch(/isAdjustedToUTC=1/);
    expect(ts?.[3]).toMatch(/MILLIS/);
    expect(rows.filter((r) => r[1] === 'DOUBLE').map((r) => r[0])).toEqual(['close', 'high', 'low', 'open', 'volume']);
    const codec = await db.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata(${sql(file)})`);
    expect(codec.getRowsJS().flat()).toEqual(['ZSTD']);
    const kv = await db.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata(${sql(file)})`);
    const meta = Object.fromEntries(kv.getRowsJS() as [string, string][]);
    expect(meta['sextant.schema_version']).toBe('1');
    expect(meta['sextant.writer']).toMatch(/^@sextant\/storage \d+\.\d+\.\d+/);
  });

  const variants = [
    { name: 'TIMESTAMPTZ, zstd', ts: `to_timestamp(json[1] / 1000)`, codec: 'zstd' },
    { name: 'TIMESTAMP (micros), snappy', ts: `make_timestamp((json[1] * 1000)::BIGINT)`, codec: 'snappy' },
    { name: 'TIMESTAMP_MS, gzip', ts: `epoch_ms(json[1]::BIGINT)::TIMESTAMP_MS`, codec: 'gzip' },
    {
      name: 'TIMESTAMP_NS, uncompressed',
      ts: `make_timestamp((json[1] * 1000)::BIGINT)::TIMESTAMP_NS`,
      codec: 'uncompressed',
    },
    { name: 'BIGINT ms, zstd', ts: `json[1]::BIGINT`, codec: 'zstd' },
  ];
  for (const v of variants) {
    it(`readCandlesParquet reads Parquet written by DuckDB (${v.name})`, async () => {
      const json = fileURLToPath(new URL('GAPPY_BTC-1m.json', OHLCV_DIR));
      const out = join(root, `duck-${v.codec}-${variants.indexOf(v)}.parquet`);
      await db.run(
        `COPY (SELECT ${v.ts} AS timestamp, json[2] AS open, json[3] AS high, json[4] AS low, json[5] AS close, json[6] AS volume
               FROM read_json(${sql(json)}, format = 'array', records = false))
         TO ${sql(out)} (FORMAT parquet, COMPRESSION ${v.codec}, ROW_GROUP_SIZE 4096)`,
      );
      const back = await readCandlesParquet(out);
      expect(bitDifference(back, await loadReal('GAPPY_BTC-1m.json'))).toBeUndefined();
      const original = await loadReal('GAPPY_BTC-1m.json');
      const from = original.timestamp[9000] as number;
      const to = original.timestamp[9099] as number;
      const part = await readCandlesParquet(out, { from, to });
      expect(part.length).toBe(100);
      expect(part.timestamp[0]).toBe(from);
      expect(part.timestamp[99]).toBe(to);
    });
  }
});
