import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toOHLCV } from '@sextant/core';
import { type FakeExchange, startFakeExchange } from '@sextant/collectors/testing';
import { ParquetCandleStore } from '@sextant/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../src/demo/loadDemoCandles.js';
import { EXIT_CODES } from '../src/errors/EXIT_CODES.js';
import { runSextant } from './helpers/runSextant.js';

// `sextant collect` drives the real ccxt.binance class against the fake Binance
// exchange from @sextant/collectors/testing, started here on 127.0.0.1.
const CANARY = 'canary-key-9b1f4e7a2c6d';
let dir: string;
let fake: FakeExchange;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-collect-'));
  const candles = await loadDemoCandles();
  fake = await startFakeExchange({
    data: ['ETH/BTC', 'LTC/BTC'].map((symbol) => ({
      symbol,
      timeframe: '5m' as const,
      candles: toOHLCV(candles[symbol] as never),
    })),
  });
  await writeFile(
    join(dir, 'sextant.json'),
    JSON.stringify({
      symbols: ['ETH/BTC', 'LTC/BTC'],
      exchanges: [{ id: 'binance', baseUrl: fake.url, timeoutMs: 5000 }],
      storage: { dataRoot: 'data', reportDir: 'reports' },
    }),
  );
});
afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sextant collect (subprocess against the fake exchange)', { timeout: 180_000 }, () => {
  it('collects into Parquet, resumes without refetching, and never shows the API key', async () => {
    const env = { SEXTANT_BINANCE_API_KEY: CANARY, SEXTANT_BINANCE_API_SECRET: `${CANARY}-secret` };
    const args = [
      '--config',
      'sextant.json',
      '--log-level',
      'debug',
      'collect',
      '--since',
      '2018-01-11',
      '--until',
      '2018-01-12T23:55:00Z',
    ];
    const run = await runSextant(['--json', ...args], { cwd: dir, env });
    expect(run.code).toBe(EXIT_CODES.OK);
    const out = JSON.parse(run.stdout) as { markets: { symbol: string; collected: number; ok: boolean }[] };
    expect(out.markets).toEqual([
      expect.objectContaining({ symbol: 'ETH/BTC', ok: true, collected: 576 }),
      expect.objectContaining({ symbol: 'LTC/BTC', ok: true, collected: 576 }),
    ]);
    const store = new ParquetCandleStore({ root: join(dir, 'data') });
    const eth = await store.read({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' });
    const src = (await loadDemoCandles())['ETH/BTC'];
    const i0 = src?.timestamp.indexOf(Date.UTC(2018, 0, 11)) ?? -1;
    expect(eth.length).toBe(576);
    expect(Array.from(eth.close)).toEqual(Array.from(src?.close.subarray(i0, i0 + 576) ?? []));

    const again = await runSextant(args, { cwd: dir, env });
    expect(again.code).toBe(EXIT_CODES.OK);
    expect(again.stdout).toMatch(/ETH\/BTC\s+0\s/);
    for (const text of [run.stdout, run.stderr, again.stdout, again.stderr]) {
      expect(text).not.toContain(CANARY);
    }
    expect(run.stderr).toContain('"msg":"collect finished"');
  });

  it('exits 2 on a bad --since, quoting it', async () => {
    const run = await runSextant(['--config', 'sextant.json', 'collect', '--since', 'yesterday-ish'], { cwd: dir });
    expect(run.code).toBe(EXIT_CODES.USAGE);
    expect(run.stderr).toContain('--since must be an ISO-8601 time like 2024-01-01, got "yesterday-ish"');
  });

  it('exits 6 with a network error when the exchange is down, without the key in the error', async () => {
    const cfg = JSON.parse(await readFile(join(dir, 'sextant.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(dir, 'down.json'),
      JSON.stringify({ ...cfg, exchanges: [{ id: 'binance', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 }] }),
    );
    const run = await runSextant(
      ['--config', 'down.json', 'collect', '--since', '2018-01-11', '--symbols', 'ETH/BTC', '--retries', '0'],
      { cwd: dir, env: { SEXTANT_BINANCE_API_KEY: CANARY, SEXTANT_BINANCE_API_SECRET: `${CANARY}-secret` } },
    );
    expect(run.code).toBe(EXIT_CODES.NETWORK);
    expect(run.stderr).toContain('sextant:');
    expect(run.stderr + run.stdout).not.toContain(CANARY);
    const json = await runSextant(
      ['--json', '--config', 'down.json', 'collect', '--since', '2018-01-11', '--symbols', 'ETH/BTC', '--retries', '0'],
      { cwd: dir, env: { SEXTANT_BINANCE_API_KEY: CANARY } },
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { exitCode: EXIT_CODES.NETWORK } });
    expect(json.stdout + json.stderr).not.toContain(CANARY);
  });
});
