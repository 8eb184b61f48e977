import { join } from 'node:path';
import { type DatasetKey, symbolToPath } from './DatasetKey.js';

/** File name of the single data file inside each month partition. */
export const PART_FILE = 'part-0.parquet';

/** Prefix of commit journals in a dataset directory. */
export const JOURNAL_PREFIX = '_txn-';

/**
 * Directory of one dataset: `root/exchange=x/symbol=A_B/timeframe=5m`.
 *
 * @internal
 */
export function datasetDir(root: string, key: DatasetKey): string {
  return join(root, `exchange=${key.exchange}`, `symbol=${symbolToPath(key.symbol)}`, `timeframe=${key.timeframe}`);
}

/**
 * `YYYY-MM` (UTC) of a timestamp in ms.
 *
 * @internal
 */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/**
 * First and last ms of a `YYYY-MM` month (UTC), both inclusive.
 *
 * @internal
 */
export function monthBounds(month: string): { from: number; to: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: Date.UTC(y, m - 1, 1), to: Date.UTC(y, m, 1) - 1 };
}

/**
 * Path of a month's data file inside a dataset directory.
 *
 * @internal
 */
export function monthFile(dir: string, month: string): string {
  return join(dir, `month=${month}`, PART_FILE);
}

/** Matches a month partition directory name, capturing `YYYY-MM`. */
export const MONTH_DIR_RE = /^month=(\d{4}-\d{2})$/;
