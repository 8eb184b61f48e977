import { Buffer } from 'node:buffer';

let poison: number | undefined;

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
  const b = Buffer.allocUnsafeSlow(8 * n);
  const out = new Float64Array(b.buffer, b.byteOffset, n);
  if (poison !== undefined) out.fill(poison);
  out.fill(Number.NaN, 0, Math.min(n, Math.max(0, nanPrefix)));
  return out;
}

/** Tests only: fill every new {@link column} with `marker` (`undefined`: stop), so unwritten entries show. */
export function poisonColumns(marker: number | undefined): void {
  poison = marker;
}
