/**
 * Write and read of 1,000,000 synthetic 1m candles (seeded random walk,
 * mulberry32 seed 42, ~23 monthly partitions) with `ParquetCandleStore`,
 * against DuckDB doing the same on one thread (COPY ... PARTITION_BY to a
 * Hive dataset, zstd; read_parquet with hive_partitioning). Prints ratios
 * (ours / DuckDB, lower is better) and dataset sizes against the ccxt JSON
 * of the same candles.
 *
 * Runs are interleaved (ours, DuckDB, ours, ...) so both sides see the same
 * machine load, and the best of each is kept. DuckDB's write excludes moving
 * the data from JS into DuckDB (its table is loaded before the clock starts);
 * for reads, both "into a DuckDB table" (no JS) and "into JS columns" are shown.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { toOHLCV } from '@sextant/core';
import { ParquetCandleStore } from '../src/index.js';
import { syntheticCandles } from './synthetic.js';

const N = 1_000_000;
const KEY = { exchange: 'binance', symbol: 'SYN/BTC', timeframe: '1m' } as const;

/** Wall time of `fn`, ms. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Run each task `runs` times, interleaved; the best time of each, ms. */
async function interleaved<K extends string>(
  runs: number,
  tasks: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number>> {
  const best = {} as Record<K, number>;
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of Object.entries(tasks) as [K, () => Promise<unknown>][]) {
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, await time(fn));
    }
  }
  return best;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

const fmt = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms`;
const mb = (b: number): string => `${(b / 1e6).toFixed(1).padStart(6)} MB`;
const ratio = (a: number, b: number): string => `ratio ${(a / b).toFixed(2)}x`;

async function duckColumns(db: DuckDBConnection, sql: string): Promise<unknown> {
  return (await db.runAndReadAll(sql)).getColumns();
}

export default async function bench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'sextant-storage-bench-'));
  try {
    const series = syntheticCandles(N, 42);
    const jsonBytes = Buffer.byteLength(JSON.stringify(toOHLCV(series)));

    // Ours, once untimed: the dataset DuckDB loads its table from, checked.
    const oursRoot = join(root, 'ours');
    const store = new ParquetCandleStore({ root: oursRoot });
    await store.write(KEY, series);
    const check = await store.read(KEY);
    if (check.length !== N || check.close[N - 1] !== series.close[N - 1]) throw new Error('bench read-back mismatch');
    const oursBytes = await dirBytes(oursRoot);

    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await db.run(
      `CREATE TABLE c AS SELECT make_timestamp(epoch_ms(timestamp) * 1000) AS timestamp, open, high, low, close, volume,
         strftime(timestamp, '%Y-%m') AS month FROM read_parquet('${join(oursRoot, '**', '*.parquet')}')`,
    );
    const duckRoot = join(root, 'duck');
    const glob = `read_parquet('${join(duckRoot, '**', '*.parquet')}', hive_partitioning = true)`;
    const cols = 'epoch_ms(timestamp)::DOUBLE, open, high, low, close, volume';

    const writes = await interleaved(3, {
      ours: async () => {
        const fresh = join(root, 'ours-fresh');
        await rm(fresh, { recursive: true, force: true });
        await new ParquetCandleStore({ root: fresh }).write(KEY, series);
      },
      duck: async () => {
        await rm(duckRoot, { recursive: true, force: true });
        await db.run(`COPY c TO '${duckRoot}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month))`);
      },
    });
    const reads = await interleaved(3, {
      ours: () => store.read(KEY),
      duckTable: () =>
        db.run(`CREATE OR REPLACE TABLE r AS SELECT timestamp, open, high, low, close, volume FROM ${glob}`),
      duckJs: () => duckColumns(db, `SELECT ${cols} FROM ${glob}`),
    });
    const day = await interleaved(5, {
      ours: () => store.read(KEY, { from: Date.UTC(2018, 6, 15), to: Date.UTC(2018, 6, 16) - 1 }),
      duckJs: () =>
        duckColumns(
          db,
          `SELECT ${cols} FROM ${glob} WHERE month = '2018-07' AND timestamp >= '2018-07-15' AND timestamp < '2018-07-16'`,
        ),
    });
    const duckBytes = await dirBytes(duckRoot);
    db.closeSync();

    const line = (what: string, ours: number, name: string, duck: number): void =>
      console.log(
        `  ${what.padEnd(6)} ParquetCandleStore ${fmt(ours)}   ${name.padEnd(13)} ${fmt(duck)}   ${ratio(ours, duck)}`,
      );
    console.log(
      `storage: ${N.toLocaleString('en')} synthetic 1m candles (seed 42), interleaved best of 3 (1 day: 5), DuckDB on 1 thread`,
    );
    line('write', writes.ours, 'DuckDB COPY', writes.duck);
    line('read', reads.ours, 'DuckDB->table', reads.duckTable);
    line('read', reads.ours, 'DuckDB->JS', reads.duckJs);
    line('1 day', day.ours, 'DuckDB->JS', day.duckJs);
    const pct = (b: number): string => `${((b / jsonBytes) * 100).toFixed(1)}% of JSON`;
    console.log(
      `  size   ours ${mb(oursBytes)} (${pct(oursBytes)})   DuckDB ${mb(duckBytes)} (${pct(duckBytes)})   ccxt JSON ${mb(jsonBytes)}`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
