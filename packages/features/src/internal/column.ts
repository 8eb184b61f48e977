import { Buffer } from 'node:buffer';

let poison: number | undefined;
let pool: Float64Array[] = [];

/**
 * Bytes per memory block that {@link withColumnBlocks} packs columns into:
 * under glibc's 32 MiB ceiling for its dynamic mmap threshold, so a freed
 * block goes back to malloc's heap and the next computation reuses it,
 * rather than mapping (and page-faulting) fresh memory every time.
 */
const BLOCK_BYTES = 30 * 2 ** 20;

/**
 * Blocks allocated together, up to 180 MiB (see {@link withColumnBlocks}).
 * Fewer (one by one) cost more garbage collections; more (a whole large frame
 * at once) left the freed frame at the top of malloc's heap, which glibc
 * hands back to the OS, so every other frame page-faulted fresh memory.
 * Measured with the features bench: 1, 6 and all 13 blocks of the default
 * frame on 1M candles.
 */
const BURST_BLOCKS = 6;

/** Memory blocks this module made: the only memory {@link spentRegions} will hand back to {@link column}. */
const blocks = new WeakSet<ArrayBufferLike>();

interface Packing {
  /** Columns still expected in this computation (sizes the next block). */
  expected: number;
  buffer: ArrayBuffer | undefined;
  /** Next free byte in `buffer`. */
  used: number;
  /** Blocks allocated and not yet in use, taken in turn. */
  ready: ArrayBuffer[];
  /** The column length the blocks are for. */
  n: number;
}

let packing: Packing | undefined;

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
  out ??= packing !== undefined && packing.n === n ? packed(packing, n) : ownBlock(8 * n);
  if (poison !== undefined) out.fill(poison);
  out.fill(Number.NaN, 0, Math.min(n, Math.max(0, nanPrefix)));
  return out;
}

function ownBlock(bytes: number): Float64Array {
  const b = Buffer.allocUnsafeSlow(bytes);
  blocks.add(b.buffer);
  return new Float64Array(b.buffer, b.byteOffset, bytes / 8);
}

/** A block for up to `expected` columns of `bytes` each (at least one). */
function newBlock(expected: number, bytes: number): ArrayBuffer {
  const count = Math.max(1, Math.min(expected, Math.floor(BLOCK_BYTES / Math.max(8, bytes))));
  return ownBlock(count * bytes).buffer as ArrayBuffer;
}

function packed(p: Packing, n: number): Float64Array {
  const bytes = 8 * n;
  if (p.buffer === undefined || p.buffer.byteLength - p.used < bytes) {
    if (p.ready.length === 0) {
      // Up to BURST_BLOCKS blocks for the columns still expected (this one at least), together.
      let left = Math.max(1, p.expected);
      for (let k = 0; k < BURST_BLOCKS && left > 0; k++) {
        const b = newBlock(left, bytes);
        p.ready.unshift(b);
        left -= bytes === 0 ? left : b.byteLength / bytes;
      }
    }
    p.buffer = p.ready.pop()!;
    p.used = 0;
  }
  const out = new Float64Array(p.buffer, p.used, n);
  p.used += bytes;
  p.expected = Math.max(0, p.expected - 1);
  return out;
}

/**
 * Run `fn` with new {@link column}s of length `n` packed several to a memory
 * block of up to 30 MiB, the blocks for the `expected` columns `fn` will ask
 * for allocated a few at a time: how `FeaturePipeline` allocates a frame.
 * V8 starts a garbage collection for every 64 MB or so of array memory that
 * arrives piecemeal, and each collection walks the whole JavaScript heap, so
 * a bot with a large heap paid for several per frame when columns were
 * allocated one by one between kernels; blocks allocated in bursts cost
 * fewer. Blocks under malloc's mmap ceiling are recycled rather than
 * page-faulted afresh. A column of another length gets memory of its own.
 * The features bench measures the layouts.
 */
export function withColumnBlocks<T>(expected: number, n: number, fn: () => T): T {
  const saved = packing;
  packing = { expected, buffer: undefined, used: 0, ready: [], n };
  try {
    return fn();
  } finally {
    packing = saved;
  }
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

/**
 * The whole memory of spent pipeline columns, each widened by the `dropped`
 * warm-up rows in front of it, for {@link withColumnPool}: only columns in
 * blocks {@link column} made (never memory a caller owns), and no two
 * regions that overlap, in column order.
 */
export function spentRegions(columns: readonly Float64Array[], dropped: number): Float64Array[] {
  const taken = new Map<ArrayBufferLike, Float64Array[]>();
  const out: Float64Array[] = [];
  for (const c of columns) {
    const start = c.byteOffset - 8 * dropped;
    if (start < 0 || !blocks.has(c.buffer)) continue;
    const end = c.byteOffset + c.byteLength;
    let inBuffer = taken.get(c.buffer);
    if (inBuffer === undefined) taken.set(c.buffer, (inBuffer = []));
    if (inBuffer.some((r) => r.byteOffset < end && start < r.byteOffset + r.byteLength)) continue;
    const region = new Float64Array(c.buffer, start, c.length + dropped);
    inBuffer.push(region);
    out.push(region);
  }
  return out;
}

/** Tests only: fill every new {@link column} with `marker` (`undefined`: stop), so unwritten entries show. */
export function poisonColumns(marker: number | undefined): void {
  poison = marker;
}
