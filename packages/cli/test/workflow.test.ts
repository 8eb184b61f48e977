import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetCandleStore } from '@sextant/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCandles } from '../src/demo/loadDemoCandles.js';
import { EXIT_CODES } from '../src/errors/EXIT_CODES.js';
import { runSextant } from './helpers/runSextant.js';

// A project folder with a config file and a Parquet dataset of two real markets,
// driven through train -> models -> backtest -> predict -> data coverage as subprocesses.
let dir: string;
const SYMBOLS = ['ETH/BTC', 'XLM/BTC'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-flow-'));
  const candles = await loadDemoCandles();
  const store = new ParquetCandleStore({ root: join(dir, 'data') });
  for (const symbol of SYMBOLS) {
    await store.write({ exchange: 'binance', symbol, timeframe: '5m' }, candles[symbol] as never);
  }
  await writeFile(
    join(dir, 'sextant.json'),
    JSON.stringify({
      symbols: SYMBOLS,
      quoteCurrency: 'BTC',
      startingCapital: 1,
      storage: { dataRoot: 'data', modelRoot: 'models', reportDir: 'reports', stateDb: 'state/state.db' },
      model: { kind: 'gbdt', horizons: ['1h'] },
      risk: { minCapital: 0 },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sextant = (args: string[], input?: string) =>
  runSextant(['--config', 'sextant.json', ...args], { cwd: dir, ...(input === undefined ? {} : { input }) });

describe('train, models, backtest, predict, data coverage (subprocesses)', { timeout: 180_000 }, () => {
  it('trains, saves and promotes a model per market', async () => {
    const run = await sextant(['--json', 'train', '--promote']);
    expect(run.code).toBe(EXIT_CODES.OK);
    const out = JSON.parse(run.stdout) as { saved: { symbol: string; version: number }[]; trainRows: number };
    expect(out.saved).toEqual([
      expect.objectContaining({ symbol: 'ETH/BTC', version: 1 }),
      expect.objectContaining({ symbol: 'XLM/BTC', version: 1 }),
    ]);
    const second = await sextant(['train', '--symbols', 'ETH/BTC', '--model', 'linear']);
    expect(second.code).toBe(EXIT_CODES.OK);
    expect(second.stdout).toContain('Trained linear-regressor (1h)');
    expect(second.stdout).toContain('Promote with: sextant models promote <market> 1h <version>');
  });

  it('lists versions with the promoted one marked, and promotes on request', async () => {
    const list = await sextant(['--json', 'models', 'list']);
    expect(list.code).toBe(EXIT_CODES.OK);
    const rows = (JSON.parse(list.stdout) as { models: { symbol: string; version: number; promoted: boolean }[] })
      .models;
    expect(rows.filter((r) => r.symbol === 'ETH/BTC').map((r) => [r.version, r.promoted])).toEqual([
      [1, true],
      [2, false],
    ]);
    const bad = await sextant(['models', 'promote', 'ETH/BTC', '1h', 'v9']);
    expect(bad.code).toBe(EXIT_CODES.USAGE);
    expect(bad.stderr).toContain('No version 9 of ETH/BTC 1h');
    const ok = await sextant(['models', 'promote', 'ETH/BTC', '1h', 'v2']);
    expect(ok.code).toBe(EXIT_CODES.OK);
    expect(ok.stdout).toContain('Promoted ETH/BTC 1h v2 (was v1).');
  });

  it('backtests with the promoted models after their training period and writes the report', async () => {
    const run = await sextant(['--json', 'backtest']);
    expect(run.code).toBe(EXIT_CODES.OK);
    const out = JSON.parse(run.stdout) as {
      reportPath: string;
      markets: { symbol: string; version: number; from: number; candles: number }[];
    };
    expect(out.markets.map((m) => [m.symbol, m.version])).toEqual([
      ['ETH/BTC', 2],
      ['XLM/BTC', 1],
    ]);
    for (const m of out.markets) expect(m.candles).toBeGreaterThan(1000);
    expect(out.reportPath).toBe(join(dir, 'reports', 'backtest-ETH_BTC.html'));
    expect((await stat(out.reportPath)).size).toBeGreaterThan(200_000);
  });

  it('asks for market and horizon when not given, and answers with price, change and confidence', async () => {
    const run = await sextant(['predict'], 'XLM/BTC\n\n');
    expect(run.code).toBe(EXIT_CODES.OK);
    expect(run.stderr).toContain('Which market?');
    expect(run.stderr).toContain('Which horizon? [1h]');
    expect(run.stdout).toMatch(/^XLM\/BTC in 1h: [\d.]+ BTC \([+-]?\d+\.\d\d%\) with \d+% confidence/);
    const json = await sextant(['--json', 'predict', '--symbol', 'ETH/BTC', '--horizon', '1h']);
    const p = JSON.parse(json.stdout) as { price: number; change: number; lastClose: number; confidence: number };
    expect(p.price).toBeCloseTo(p.lastClose * (1 + p.change), 12);
    expect(p.confidence).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    const missing = await sextant(['predict', '--symbol', 'ETH/BTC', '--horizon', '6h']);
    expect(missing.code).toBe(EXIT_CODES.USAGE);
    expect(missing.stderr).toContain('No current model for ETH/BTC 6h');
  });

  it('reports data coverage, and exits 4 when a market has no data', async () => {
    const run = await sextant(['--json', 'data', 'coverage']);
    expect(run.code).toBe(EXIT_CODES.OK);
    const out = JSON.parse(run.stdout) as { datasets: { key: { symbol: string }; count: number }[] };
    expect(out.datasets.map((d) => [d.key.symbol, d.count])).toEqual([
      ['ETH/BTC', 5760],
      ['XLM/BTC', 5760],
    ]);
    const none = await sextant(['train', '--symbols', 'LTC/BTC']);
    expect(none.code).toBe(EXIT_CODES.DATA);
    expect(none.stderr).toContain('No candles for binance LTC/BTC 5m');
  });
});
