import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createCandleSeries, isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetCandleStore, readCandlesParquet, writeCandlesParquet } from '../src/index.js';
import { bitDifference, loadReal } from './fixtures.js';

let root: string;
let good: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sextant-bad-'));
  good = join(root, 'good.parquet');
  await writeCandlesParquet(good, await loadReal('ETH_BTC-5m.json'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Expect a rejection that is a Sextant error with `code` and a message containing every `parts`. */
async function expectError(p: Promise<unknown>, code: string, ...parts: string[]): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isSextantError(e), String(e)).toBe(true);
  expect((e as { code: string }).code).toBe(code);
  for (const part of parts) expect((e as Error).message).toContain(part);
}

describe('bad Parquet files give typed errors naming the file', () => {
  it('truncated file', async () => {
    const bytes = await readFile(good);
    const path = join(root, 'truncated.parquet');
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectError(readCandlesParquet(path), 'STORAGE_CORRUPT', path);
  });

  it('tiny file', async () => {
    const path = join(root, 'tiny.parquet');
    await writeFile(path, 'PAR1');
    await expectError(readCandlesParquet(path), 'STORAGE_CORRUPT', path, 'truncated');
  });

  it('not Parquet at all', async () => {
    const path = join(root, 'json.parquet');
    await writeFile(path, JSON.stringify({ hello: 'world', padding: 'x'.repeat(100) }));
    await expectError(readCandlesParquet(path), 'STORAGE_CORRUPT', path);
  });

  it('corrupt column data inside a valid footer', async () => {
    const bytes = Buffer.from(await readFile(good));
    // Overwrite bytes in the middle of the data pages, keeping the footer intact.
    for (let i = 2000; i < 2400; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    const path = join(root, 'flipped.parquet');
    await writeFile(path, bytes);
    const result = await readCandlesParquet(path).then(
      (s) => ({ ok: true as const, s }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    // Either detected as corrupt, or (if the flipped bytes were all inside raw
    // doubles) the values differ: never a silent success with the right data.
    if (result.ok) expect(bitDifference(result.s, await loadReal('ETH_BTC-5m.json'))).toBeDefined();
    else expect(isSextantError(result.e, 'STORAGE_CORRUPT')).toBe(true);
  });

  it('wrong schema: a Parquet file without candle columns', async () => {
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    const path = join(root, 'other.parquet');
    await db.run(`COPY (SELECT 1 AS id, 'x' AS name) TO '${path}' (FORMAT parquet)`);
    const path2 = join(root, 'strings.parquet');
    await db.run(
      `COPY (SELECT 1::BIGINT AS timestamp, 'a' AS open, 1.0 AS high, 1.0 AS low, 1.0 AS close, 1.0 AS volume) TO '${path2}' (FORMAT parquet)`,
    );
    db.closeSync();
    await expectError(readCandlesParquet(path), 'STORAGE_CORRUPT', path, 'no "timestamp" column', '"id"');
    await expectError(readCandlesParquet(path2), 'STORAGE_CORRUPT', path2, '"open" is BYTE_ARRAY');
  });

  it('a file from a newer schema version is refused, naming both versions', async () => {
    const path = join(root, 'future.parquet');
    await writeCandlesParquet(join(root, 'current.parquet'), await loadReal('ETH_BTC-5m.json'), {
      metadata: { 'sextant.schema_version': '99' }, // reserved: ignored
    });
    expect((await readCandlesParquet(join(root, 'current.parquet'))).length).toBe(5760);
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await db.run(
      `COPY (SELECT * FROM read_parquet('${join(root, 'current.parquet')}')) TO '${path}' (FORMAT parquet, KV_METADATA {'sextant.schema_version': '99'})`,
    );
    db.closeSync();
    await expectError(readCandlesParquet(path), 'STORAGE_CORRUPT', path, '"99"', '"1"');
  });

  it('missing file is an I/O error naming it', async () => {
    const path = join(root, 'nope.parquet');
    await expectError(readCandlesParquet(path), 'STORAGE_IO', path, 'ENOENT');
  });

  it('a corrupt month file in a store names the file and the store keeps its other data', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'store') });
    const key = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '30m' } as const;
    await store.write(key, await loadReal('ETH_BTC-30m.json'));
    const file = join(
      root,
      'store',
      'exchange=binance',
      'symbol=ETH_BTC',
      'timeframe=30m',
      'month=2017-12',
      'part-0.parquet',
    );
    await writeFile(file, 'garbage');
    await expectError(store.read(key), 'STORAGE_CORRUPT', file);
    const jan = await store.read(key, { from: Date.UTC(2018, 0, 1) });
    expect(jan.length).toBeGreaterThan(0);
  });
});

describe('bad writes touch nothing', () => {
  it('unwritable root is a STORAGE_IO error naming the path', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a directory');
    const store = new ParquetCandleStore({ root: join(blocker, 'data') });
    await expectError(
      store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' }, await loadReal('ETH_BTC-5m.json')),
      'STORAGE_IO',
      blocker,
    );
  });

  it('invalid candles are rejected before the disk is touched, quoting the bad row', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'untouched') });
    const s = await loadReal('ETH_BTC-5m.json');
    const bad = createCandleSeries({ ...s, high: Float64Array.from(s.high) });
    bad.high[42] = -1;
    await expectError(
      store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' }, bad),
      'INVALID_CANDLES',
      'row 42',
    );
    await expect(stat(join(root, 'untouched'))).rejects.toThrow();
    const path = join(root, 'bad.parquet');
    await expectError(writeCandlesParquet(path, bad), 'INVALID_CANDLES', 'row 42');
    expect((await readdir(root)).filter((n) => n.startsWith('bad') || n.startsWith('.bad'))).toEqual([]);
  });

  it('off-grid timestamps for the key timeframe are rejected', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'grid') });
    const s = await loadReal('ETH_BTC-5m.json');
    await expectError(store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '1h' }, s), 'INVALID_CANDLES');
  });

  it('bad keys and ranges', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'keys') });
    const s = await loadReal('ETH_BTC-5m.json');
    await expectError(
      store.write({ exchange: '../x', symbol: 'ETH/BTC', timeframe: '5m' }, s),
      'INVALID_ARGUMENT',
      '"../x"',
    );
    await expectError(
      store.write({ exchange: 'binance', symbol: 'ETH BTC', timeframe: '5m' }, s),
      'INVALID_ARGUMENT',
      '"ETH BTC"',
    );
    await expectError(
      store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '7m' as '5m' }, s),
      'INVALID_ARGUMENT',
      '"7m"',
    );
    await expectError(
      store.read({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' }, { from: 10, to: 5 }),
      'INVALID_ARGUMENT',
      'from 10',
    );
    expect(() => new ParquetCandleStore({ root: '' })).toThrow(/root/);
  });

  it("a dataset locked by a live process is refused (retryable); a dead writer's lock is taken over", async () => {
    const store = new ParquetCandleStore({ root: join(root, 'locked') });
    const key = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' } as const;
    const s = await loadReal('ETH_BTC-5m.json');
    const dir = join(root, 'locked', 'exchange=binance', 'symbol=ETH_BTC', 'timeframe=5m');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '_writer.lock'), String(process.ppid)); // a live process that is not us
    const e = await store.write(key, s).catch((err: unknown) => err);
    expect(isSextantError(e, 'STORAGE_IO')).toBe(true);
    expect((e as { retryable: boolean }).retryable).toBe(true);
    expect((e as Error).message).toContain(`process ${process.ppid}`);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    await writeFile(join(dir, '_writer.lock'), String(dead));
    await store.write(key, s);
    expect((await store.read(key)).length).toBe(s.length);
    expect(await readdir(dir)).not.toContain('_writer.lock');
  });

  it('two symbols that map to one partition are refused', async () => {
    const store = new ParquetCandleStore({ root: join(root, 'collide') });
    const s = await loadReal('ETH_BTC-5m.json');
    await store.write({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' }, s);
    await expectError(
      store.write({ exchange: 'binance', symbol: 'ETH_BTC', timeframe: '5m' }, s),
      'INVALID_ARGUMENT',
      '"ETH_BTC"',
      '"ETH/BTC"',
    );
  });
});
