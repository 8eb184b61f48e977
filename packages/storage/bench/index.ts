/**
 * Write and read of 1,000,000 synthetic 1m candles (seeded random walk,
 * mulberry32 seed 42, ~23 monthly partitions) with `ParquetCandleStore`,
 * against DuckDB doing the same on one thread (COPY ... PARTITION_BY to a
 * Hive dataset, zstd; read_parquet with hive_partitioning). Prints ratios
 * (ours / DuckDB, lower is better) and dataset sizes against the ccxt JSON
 * of the same candles.
 *
 * DuckDB timings exclude moving data between JS and DuckDB for the write
 * (its table is loaded before the clock starts); for the read, both "into a
 * DuckDB table" (no JS) and "into JS columns" are shown.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { toOHLCV } from '@sextant/core';
import { ParquetCandleStore } from '../src/index.js';
import { syntheticCandles } from './synthetic.js';

const N = 1_000_000;
const KEY = { exchange: 'binance', symbol: 'SYN/BTC', timeframe: '1m' } as const;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** Best of `runs` (ms): the least disturbed by the other work on this machine. */
async function best(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) min = Math.min(min, (await time(fn))[1]);
  return min;
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

export default async function bench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'sextant-storage-bench-'));
  try {
    const series = syntheticCandles(N, 42);
    const jsonBytes = Buffer.byteLength(JSON.stringify(toOHLCV(series)));

    // Ours: write (upsert into an empty store), full read, one-day range read.
    const oursRoot = join(root, 'ours');
    const oursWrite = await best(2, async () => {
      await rm(oursRoot, { recursive: true, force: true });
      await new ParquetCandleStore({ root: oursRoot }).write(KEY, series);
    });
    const store = new ParquetCandleStore({ root: oursRoot });
    const oursRead = await best(3, () => store.read(KEY));
    const day = { from: Date.UTC(2018, 6, 15), to: Date.UTC(2018, 6, 16) - 1 };
    const oursDay = await best(5, () => store.read(KEY, day));
    const check = await store.read(KEY);
    if (check.length !== N || check.close[N - 1] !== series.close[N - 1]) throw new Error('bench read-back mismatch');
    const oursBytes = await dirBytes(oursRoot);

    // DuckDB, one thread: load the same candles (untimed), then COPY to a Hive dataset and read it back.
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await db.run(
      `CREATE TABLE c AS SELECT make_timestamp(epoch_ms(timestamp) * 1000) AS timestamp, open, high, low, close, volume,
         strftime(timestamp, '%Y-%m') AS month FROM read_parquet('${join(oursRoot, '**', '*.parquet')}')`,
    );
    const duckRoot = join(root, 'duck');
    const duckWrite = await best(2, async () => {
      await rm(duckRoot, { recursive: true, force: true });
      await db.run(`COPY c TO '${duckRoot}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month))`);
    });
    const glob = `read_parquet('${join(duckRoot, '**', '*.parquet')}', hive_partitioning = true)`;
    const duckReadNative = await best(3, async () => {
      await db.run(`CREATE OR REPLACE TABLE r AS SELECT timestamp, open, high, low, close, volume FROM ${glob}`);
    });
    const duckReadJs = await best(3, async () => {
      const reader = await db.runAndReadAll(
        `SELECT epoch_ms(timestamp)::DOUBLE, open, high, low, close, volume FROM ${glob}`,
      );
      return reader.getColumns();
    });
    const duckDay = await best(5, async () => {
      const reader = await db.runAndReadAll(
        `SELECT epoch_ms(timestamp)::DOUBLE, open, high, low, close, volume FROM ${glob}
         WHERE month = '2018-07' AND timestamp >= '2018-07-15' AND timestamp < '2018-07-16'`,
      );
      return reader.getColumns();
    });
    const duckBytes = await dirBytes(duckRoot);
    db.closeSync();

    console.log(
      `storage: ${N.toLocaleString('en')} synthetic 1m candles (seed 42), best of 2-5 runs, DuckDB on 1 thread`,
    );
    console.log(
      `  write  ParquetCandleStore ${fmt(oursWrite)}   DuckDB COPY ${fmt(duckWrite)}   ratio ${(oursWrite / duckWrite).toFixed(2)}x`,
    );
    console.log(
      `  read   ParquetCandleStore ${fmt(oursRead)}   DuckDB->table ${fmt(duckReadNative)}   ratio ${(oursRead / duckReadNative).toFixed(2)}x`,
    );
    console.log(
      `  read   ParquetCandleStore ${fmt(oursRead)}   DuckDB->JS ${fmt(duckReadJs)}   ratio ${(oursRead / duckReadJs).toFixed(2)}x`,
    );
    console.log(
      `  1 day  ParquetCandleStore ${fmt(oursDay)}   DuckDB->JS ${fmt(duckDay)}   ratio ${(oursDay / duckDay).toFixed(2)}x`,
    );
    console.log(
      `  size   ours ${mb(oursBytes)} (${((oursBytes / jsonBytes) * 100).toFixed(1)}% of JSON)   DuckDB ${mb(duckBytes)} (${((duckBytes / jsonBytes) * 100).toFixed(1)}%)   ccxt JSON ${mb(jsonBytes)}`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
