import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/errors/EXIT_CODES.js';
import { runSextant } from './helpers/runSextant.js';

describe('sextant (subprocess)', { timeout: 180_000 }, () => {
  it('prints help listing every command and exits 0', async () => {
    const run = await runSextant(['--help']);
    expect(run.code).toBe(EXIT_CODES.OK);
    for (const cmd of [
      'demo',
      'collect',
      'train',
      'backtest',
      'paper',
      'predict',
      'status',
      'kill-switch',
      'models',
      'data',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`\n  ${cmd} `));
    }
  });

  it('exits 2 on an unknown command or option, naming it', async () => {
    const run = await runSextant(['frobnicate']);
    expect(run.code).toBe(EXIT_CODES.USAGE);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
    const bad = await runSextant(['demo', '--no-such-flag']);
    expect(bad.code).toBe(EXIT_CODES.USAGE);
    expect(bad.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('exits 3 with the path and expected value on a bad config', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'sextant-cli-'));
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ symbols: ['ETH/BTC'], risk: { maxPositionPct: 1.5 } }));
    const run = await runSextant(['--config', 'bad.json', 'data', 'coverage'], { cwd: dir });
    expect(run.code).toBe(EXIT_CODES.CONFIG);
    expect(run.stderr).toContain('risk.maxPositionPct: expected number <= 1, got 1.5');
    const json = await runSextant(['--json', '--config', 'bad.json', 'data', 'coverage'], { cwd: dir });
    expect(json.code).toBe(EXIT_CODES.CONFIG);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_CONFIG', exitCode: 3 } });
  });
});

describe('sextant status without any state (subprocess)', { timeout: 180_000 }, () => {
  it('says no bot has run and exits 0', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'sextant-empty-'));
    const run = await runSextant(['status'], { cwd: dir });
    expect(run.code).toBe(EXIT_CODES.OK);
    expect(run.stdout).toContain(`State ${join(dir, '.sextant', 'state.db')}: no bot running; trading no bot has run`);
  });
});

describe('sextant demo (subprocess)', { timeout: 180_000 }, () => {
  it('runs the pipeline on one market and prints the summary as JSON', async () => {
    const { mkdtemp, rm, stat } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'sextant-demo-cli-'));
    try {
      const run = await runSextant(['--json', 'demo', '--markets', 'XLM/BTC', '--out', dir]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(EXIT_CODES.OK);
      const out = JSON.parse(run.stdout) as { ok: boolean; reportPath: string; markets: { symbol: string }[] };
      expect(out.ok).toBe(true);
      expect(out.markets.map((m) => m.symbol)).toEqual(['XLM/BTC']);
      expect((await stat(out.reportPath)).size).toBeGreaterThan(200_000);
      const text = await runSextant(['demo', '--markets', 'XLM/BTC', '--out', dir]);
      expect(text.code).toBe(EXIT_CODES.OK);
      expect(text.stdout).toMatch(/1\/5 store .*\n2\/5 features .*\n3\/5 train .*\n4\/5 backtest .*\n5\/5 report/);
      expect(text.stdout).toMatch(/market\s+trades\s+return\s+max drawdown\s+hit rate\s+buy & hold/);
      expect(text.stdout).toContain(`Report: ${join(dir, 'report.html')}`);
      const bad = await runSextant(['demo', '--markets', 'FOO/BTC', '--out', dir]);
      expect(bad.code).toBe(EXIT_CODES.USAGE);
      expect(bad.stderr).toContain('"FOO/BTC"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
