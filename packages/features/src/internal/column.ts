import { Buffer } from 'node:buffer';

let poison: number | undefined;
let pool: Float64Array[] = [];

/**
 * A new `Float64Array` of `n` for a feature column that its caller writes in
 * full: the memory is not zeroed first (`Buffer.allocUnsafeSlow`, a plain
 * `malloc`), which saves a pass over 8 MB per million rows when the
 * allocator hands back memory it already holds. The first `nanPrefix`
 * entries are set to NaN; every other entry MUST be written by the caller
 * (test/columnsWritten.test.ts proves it for every feature kind by filling
 * new columns with a marker first, see {@link poisonColumns}).
 */
export function column(n: number, nanPrefix = 0): Float64Array {
  let out: Float64Array | undefined;
  while (out === undefined && pool.length > 0) {
    const reused = pool.pop()!;
    if (reused.length >= n) out = reused.subarray(0, n);
  }
  if (out === undefined) {
    const b = Buffer.allocUnsafeSlow(8 * n);
    out = new Float64Array(b.buffer, b.byteOffset, n);
  }
  if (poison !== undefined) out.fill(poison);
  out.fill(Number.NaN, 0, Math.min(n, Math.max(0, nanPrefix)));
  return out;
}

/**
 * Run `fn` with `columns` as the first memory {@link column} hands out
 * (each used at most once, when long enough), then forget them: how
 * `FeaturePipeline.compute(…, { into })` reuses a spent frame's columns.
 */
export function withColumnPool<T>(columns: Float64Array[], fn: () => T): T {
  const saved = pool;
  pool = columns;
  try {
    return fn();
  } finally {
    pool = saved;
  }
}

/** Tests only: fill every new {@link column} with `marker` (`undefined`: stop), so unwritten entries show. */
export function poisonColumns(marker: number | undefined): void {
  poison = marker;
}
