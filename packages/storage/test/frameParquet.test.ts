import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FrameLike, readFrameParquet, writeFrameParquet } from '../src/index.js';
import { loadReal } from './fixtures.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-frame-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A small feature frame from real candles: 1-bar log return and a 20-bar mean with NaN warm-up. */
async function realFrame(): Promise<FrameLike> {
  const s = await loadReal('ETH_BTC-5m.json');
  const ret = new Float64Array(s.length).fill(Number.NaN);
  const sma = new Float64Array(s.length).fill(Number.NaN);
  for (let i = 1; i < s.length; i++) ret[i] = Math.log((s.close[i] as number) / (s.close[i - 1] as number));
  for (let i = 19; i < s.length; i++) {
    let sum = 0;
    for (let k = i - 19; k <= i; k++) sum += s.close[k] as number;
    sma[i] = sum / 20;
  }
  return { timestamp: s.timestamp, names: ['log_return_1', 'sma_20'], columns: [ret, sma], hash: 'sha256:abc123' };
}

const same = (a: Float64Array, b: ArrayLike<number>): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(Float64Array.from(b).buffer));

describe('writeFrameParquet', () => {
  it('round-trips a feature frame bit for bit, NaN warm-up and hash included', async () => {
    const frame = await realFrame();
    const path = join(root, 'train.parquet');
    await writeFrameParquet(path, frame);
    const back = await readFrameParquet(path);
    expect(back.names).toEqual(frame.names);
    expect(back.hash).toBe('sha256:abc123');
    expect(back.length).toBe(frame.timestamp.length);
    expect(same(back.timestamp, frame.timestamp)).toBe(true);
    for (const [j, c] of frame.columns.entries()) expect(same(back.columns[j] as Float64Array, c)).toBe(true);
  });

  it('DuckDB reads the frame with the same values (independent reader)', async () => {
    const frame = await realFrame();
    const path = join(root, 'duck.parquet');
    await writeFrameParquet(path, frame);
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    const r = await db.runAndReadAll(
      `SELECT epoch_ms(timestamp), log_return_1, sma_20 FROM read_parquet('${path}') ORDER BY timestamp`,
    );
    const rows = r.getRowsJS() as [bigint, number, number][];
    db.closeSync();
    expect(rows.length).toBe(frame.timestamp.length);
    expect(
      same(
        Float64Array.from(rows, (x) => Number(x[0])),
        frame.timestamp,
      ),
    ).toBe(true);
    expect(
      same(
        Float64Array.from(rows, (x) => x[1]),
        frame.columns[0] as ArrayLike<number>,
      ),
    ).toBe(true);
    expect(
      same(
        Float64Array.from(rows, (x) => x[2]),
        frame.columns[1] as ArrayLike<number>,
      ),
    ).toBe(true);
  });

  it('rejects malformed frames before writing', async () => {
    const t = new Float64Array([0, 60_000]);
    const bad: [FrameLike, RegExp][] = [
      [{ timestamp: t, names: ['a', 'a'], columns: [t, t] }, /"a" is empty, reserved or duplicated/],
      [{ timestamp: t, names: ['timestamp'], columns: [t] }, /"timestamp" is empty, reserved or duplicated/],
      [{ timestamp: t, names: ['a'], columns: [t, t] }, /1 names but 2 columns/],
      [{ timestamp: t, names: ['a'], columns: [new Float64Array(3)] }, /"a" has 3 rows, expected 2/],
      [{ timestamp: [0.5, 1], names: ['a'], columns: [t] }, /row 0 is not an integer ms time: 0.5/],
    ];
    for (const [frame, message] of bad) {
      const e = await writeFrameParquet(join(root, 'bad.parquet'), frame).catch((err: unknown) => err);
      expect(isSextantError(e, 'INVALID_ARGUMENT'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(message);
    }
    await expect(readFrameParquet(join(root, 'bad.parquet'))).rejects.toSatisfy((e) => isSextantError(e, 'STORAGE_IO'));
  });
});
