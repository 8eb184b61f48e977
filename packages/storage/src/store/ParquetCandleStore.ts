import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type CandleSeries,
  InvalidArgumentError,
  allocateCandleSeries,
  assertValidCandles,
  concatSeries,
  mergeSeries,
  parseWith,
  sliceSeries,
} from '@sextant/core';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { ioError, writeTempFile } from '../fs/atomicWriteFile.js';
import { openFileAsyncBuffer } from '../fs/fileAsyncBuffer.js';
import { DATASET_KEY } from '../parquet/candleParquetSchema.js';
import { type TimeRange, decodeCandlesParquet, readParquetFooter } from '../parquet/decodeCandlesParquet.js';
import { encodeCandlesParquet } from '../parquet/encodeCandlesParquet.js';
import type { CandleCoverage } from './CandleCoverage.type.js';
import { type DatasetKey, checkDatasetKey, symbolFromPath } from './DatasetKey.js';
import {
  type ParquetCandleStoreConfig,
  type ParquetCandleStoreConfigInput,
  ParquetCandleStoreConfigSchema,
} from './ParquetCandleStoreConfig.js';
import { coverageOf } from './coverageOf.js';
import { type StagedFile, commitStaged, recoverDataset } from './datasetJournal.js';
import { withDatasetLock } from './datasetLock.js';
import { MONTH_DIR_RE, PART_FILE, datasetDir, monthBounds, monthFile, monthOf } from './datasetLayout.js';

/** Options of {@link ParquetCandleStore.read}: an inclusive time range in ms UTC. */
export interface CandleReadOptions extends TimeRange {}

/**
 * Candle datasets in compressed Parquet, Hive-partitioned so DuckDB, Spark,
 * Polars and pyarrow read them as one dataset:
 * `root/exchange=binance/symbol=ETH_BTC/timeframe=5m/month=2018-01/part-0.parquet`.
 *
 * Writes are upserts (merge, newer wins, sorted) and crash-safe: new files
 * are written to temp files, fsynced, and renamed into place; a write that
 * spans months commits through a journal, so readers see all or nothing.
 * Reads touch only the month files and row groups that overlap the range.
 * One writer per dataset at a time: writes in one process are queued, and a
 * lock file keeps other processes out (a lock left by a crashed writer is
 * taken over).
 *
 * @example
 * ```ts
 * import { ParquetCandleStore } from '@sextant/storage';
 * const store = new ParquetCandleStore({ root: '.sextant/data' });
 * const key = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' } as const;
 * await store.write(key, series);
 * const jan = await store.read(key, { from: Date.UTC(2018, 0, 10), to: Date.UTC(2018, 0, 20) });
 * ```
 */
export class ParquetCandleStore {
  /** The resolved, frozen configuration. */
  readonly config: Readonly<ParquetCandleStoreConfig>;

  /**
   * @param config - `root` (required), `codec` (default `'ZSTD'`), `rowGroupSize` (default 2048)
   * @throws ConfigError when the config is invalid
   */
  constructor(config: ParquetCandleStoreConfigInput) {
    this.config = parseWith(ParquetCandleStoreConfigSchema, config, 'ParquetCandleStore');
  }

  /**
   * Upsert candles into a dataset: rows are merged with what is stored, one
   * row per timestamp (the new row wins), sorted. The series is validated
   * (on the key's timeframe grid) before anything touches the disk.
   *
   * @param key - exchange, ccxt symbol and timeframe
   * @param series - candles to store (sorted, no duplicates, no invalid rows)
   * @returns when the new data is durably committed
   * @throws InvalidArgumentError on a bad key
   * @throws InvalidCandlesError when the series fails validation (nothing is written)
   * @throws StorageIOError when the root cannot be written, or (retryable) another process is writing the dataset
   * @throws StorageCorruptError when a stored file it must merge with is corrupt
   */
  async write(key: DatasetKey, series: CandleSeries): Promise<void> {
    const k = checkDatasetKey(key);
    assertValidCandles(series, { timeframe: k.timeframe, label: `${k.exchange} ${k.symbol} ${k.timeframe}` });
    const dir = datasetDir(this.config.root, k);
    return queueWrite(dir, () => withDatasetLock(dir, () => this.#write(dir, k, series)));
  }

  async #write(dir: string, key: DatasetKey, series: CandleSeries): Promise<void> {
    await recoverDataset(dir, { cleanTemps: true });
    const meta = { [DATASET_KEY]: JSON.stringify(key) };
    // Each month's temp file is written and fsynced while the next month is
    // encoded: disk waits overlap CPU work instead of adding to it.
    const writes: Promise<StagedFile>[] = [];
    let failed: unknown;
    try {
      for (const [month, part] of splitByMonth(series)) {
        const file = monthFile(dir, month);
        const stored = await this.#readFile(file, key);
        const merged = stored === undefined ? part : mergeSeries(stored, part);
        const bytes = await encodeCandlesParquet(merged, {
          codec: this.config.codec,
          rowGroupSize: this.config.rowGroupSize,
          metadata: meta,
        });
        const staged = writeTempFile(file, bytes).then((tmp) => ({ tmp, final: file }));
        staged.catch(() => undefined); // settled below
        writes.push(staged);
      }
    } catch (e) {
      failed = e;
    }
    const settled = await Promise.allSettled(writes);
    const staged = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    failed ??= settled.find((s) => s.status === 'rejected')?.reason;
    if (failed !== undefined) {
      await Promise.all(staged.map((s) => rm(s.tmp, { force: true }).catch(() => undefined)));
      throw failed;
    }
    await commitStaged(dir, staged);
  }

  /** A stored month file, or undefined when it does not exist. Checks the stored key. */
  async #readFile(
    file: string,
    key: DatasetKey,
    range: TimeRange = {},
    timestampsOnly = false,
  ): Promise<CandleSeries | undefined> {
    let buffer: Awaited<ReturnType<typeof openFileAsyncBuffer>>;
    try {
      buffer = await openFileAsyncBuffer(file);
    } catch (e) {
      if ((e as { cause?: { code?: string } }).cause?.code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      const footer = await readParquetFooter(file, buffer);
      const stored = footer.key_value_metadata?.find((kv) => kv.key === DATASET_KEY)?.value;
      if (stored !== undefined) {
        const symbol = (JSON.parse(stored) as Partial<DatasetKey>).symbol;
        if (symbol !== key.symbol) {
          throw new InvalidArgumentError(
            `Symbol "${key.symbol}" maps to the same partition as stored symbol "${symbol}" in "${file}"`,
          );
        }
      }
      return await decodeCandlesParquet(file, buffer, range, footer, timestampsOnly);
    } finally {
      await buffer.close();
    }
  }

  /**
   * Read a dataset, or the part of it in `[from, to]` (inclusive, ms UTC).
   * Only the month files and row groups overlapping the range are read. An
   * unknown dataset reads as an empty series.
   *
   * @param key - exchange, ccxt symbol and timeframe
   * @param options - optional `from` / `to`
   * @returns the candles, sorted by time
   * @throws InvalidArgumentError on a bad key or `from > to`
   * @throws StorageCorruptError naming the file when a stored file is corrupt
   */
  async read(key: DatasetKey, options: CandleReadOptions = {}): Promise<CandleSeries> {
    const k = checkDatasetKey(key);
    const { from, to } = options;
    if (from !== undefined && to !== undefined && from > to) {
      throw new InvalidArgumentError(`Read range is empty: from ${from} is after to ${to}`);
    }
    return this.#readDataset(k, options, false);
  }

  async #readDataset(k: DatasetKey, options: CandleReadOptions, timestampsOnly: boolean): Promise<CandleSeries> {
    const { from, to } = options;
    const dir = datasetDir(this.config.root, k);
    await pendingWrite(dir);
    await recoverDataset(dir, { cleanTemps: false });
    const reads: Promise<CandleSeries | undefined>[] = [];
    for (const month of await listMonths(dir)) {
      const b = monthBounds(month);
      if ((from !== undefined && b.to < from) || (to !== undefined && b.from > to)) continue;
      const range: TimeRange = {};
      if (from !== undefined && from > b.from) range.from = from;
      if (to !== undefined && to < b.to) range.to = to;
      // Started together: one file's disk reads overlap another's decoding.
      const read = this.#readFile(monthFile(dir, month), k, range, timestampsOnly);
      read.catch(() => undefined); // awaited below, in month order
      reads.push(read);
    }
    const parts: CandleSeries[] = [];
    for (const read of reads) {
      const part = await read;
      if (part !== undefined && part.length > 0) parts.push(part);
    }
    if (parts.length === 0) return allocateCandleSeries(0);
    return parts.length === 1 ? (parts[0] as CandleSeries) : concatSeries(parts);
  }

  /**
   * Every dataset key stored under the root, sorted by exchange, symbol and
   * timeframe. The symbol is taken from the files' metadata (so `XRP/USDT:USDT`
   * comes back exactly), or decoded from the path for foreign files.
   *
   * @returns the stored keys (empty when the root does not exist)
   * @throws StorageIOError when the root cannot be listed
   */
  async list(): Promise<DatasetKey[]> {
    const keys: DatasetKey[] = [];
    for (const ex of await subdirs(this.config.root, 'exchange=')) {
      const exDir = join(this.config.root, `exchange=${ex}`);
      for (const sym of await subdirs(exDir, 'symbol=')) {
        const symDir = join(exDir, `symbol=${sym}`);
        for (const tf of await subdirs(symDir, 'timeframe=')) {
          const dir = join(symDir, `timeframe=${tf}`);
          const months = await listMonths(dir);
          if (months.length === 0) continue;
          const symbol = (await storedSymbol(monthFile(dir, months[0] as string))) ?? symbolFromPath(sym);
          keys.push(checkDatasetKey({ exchange: ex, symbol, timeframe: tf as DatasetKey['timeframe'] }));
        }
      }
    }
    return keys;
  }

  /**
   * What a dataset covers: runs of consecutive candles and the gaps between
   * them on the key's timeframe grid. Only the timestamp column is decoded.
   *
   * @param key - exchange, ccxt symbol and timeframe
   * @returns count, first/last open time, covered ranges and gaps
   * @throws InvalidArgumentError on a bad key
   * @throws StorageCorruptError naming the file when a stored file is corrupt
   */
  async coverage(key: DatasetKey): Promise<CandleCoverage> {
    const k = checkDatasetKey(key);
    const series = await this.#readDataset(k, {}, true);
    return coverageOf(k, series.timestamp);
  }
}

/** Writes in flight per dataset directory, shared by every store in this process. */
const PENDING = new Map<string, Promise<void>>();

/** Run `write` after the writes already queued for `dir` in this process. */
function queueWrite(dir: string, write: () => Promise<void>): Promise<void> {
  const key = resolve(dir);
  const run = (PENDING.get(key) ?? Promise.resolve()).then(write);
  const settled = run.catch(() => undefined);
  PENDING.set(key, settled);
  void settled.then(() => {
    if (PENDING.get(key) === settled) PENDING.delete(key);
  });
  return run;
}

/** Resolves when the writes queued for `dir` in this process have settled. */
function pendingWrite(dir: string): Promise<void> {
  return PENDING.get(resolve(dir)) ?? Promise.resolve();
}

/** Contiguous runs of a sorted series by UTC month. */
function* splitByMonth(series: CandleSeries): Generator<[string, CandleSeries]> {
  let start = 0;
  while (start < series.length) {
    const month = monthOf(series.timestamp[start] as number);
    const end = monthBounds(month).to;
    let stop = start;
    while (stop < series.length && (series.timestamp[stop] as number) <= end) stop++;
    yield [month, sliceSeries(series, start, stop)];
    start = stop;
  }
}

/** Month partitions of a dataset directory that hold a data file, sorted. */
async function listMonths(dir: string): Promise<string[]> {
  const months: string[] = [];
  for (const name of await readdirOrEmpty(dir)) {
    const m = MONTH_DIR_RE.exec(name);
    if (m?.[1] === undefined) continue;
    if ((await readdirOrEmpty(join(dir, name))).includes(PART_FILE)) months.push(m[1]);
  }
  return months.sort();
}

async function subdirs(dir: string, prefix: string): Promise<string[]> {
  return (await readdirOrEmpty(dir))
    .filter((n) => n.startsWith(prefix))
    .map((n) => n.slice(prefix.length))
    .sort();
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw ioError(dir, 'cannot list', e);
  }
}

async function storedSymbol(file: string): Promise<string | undefined> {
  const buffer = await openFileAsyncBuffer(file);
  try {
    const footer = await readParquetFooter(file, buffer);
    const stored = footer.key_value_metadata?.find((kv) => kv.key === DATASET_KEY)?.value;
    if (stored === undefined) return undefined;
    try {
      return (JSON.parse(stored) as Partial<DatasetKey>).symbol;
    } catch (e) {
      throw new StorageCorruptError(file, `bad "${DATASET_KEY}" metadata ${JSON.stringify(stored)}`, { cause: e });
    }
  } finally {
    await buffer.close();
  }
}
