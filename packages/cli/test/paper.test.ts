import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../src/alerts/Alert.type.js';
import { EXIT_CODES } from '../src/errors/EXIT_CODES.js';
import { projectWithModel } from './helpers/projectWithModel.js';
import { runSextant } from './helpers/runSextant.js';

let dir: string;
let hook: Server;
let hookUrl: string;
const alerts: Alert[] = [];

beforeAll(async () => {
  dir = await projectWithModel(['ETH/BTC', 'XLM/BTC']);
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      alerts.push(JSON.parse(body) as Alert);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  const a = hook.address();
  hookUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hook`;
});
afterAll(async () => {
  await new Promise((r) => hook.close(r));
  await rm(dir, { recursive: true, force: true });
});

const sextant = (args: string[], opts: Parameters<typeof runSextant>[1] = {}) =>
  runSextant(['--config', 'sextant.json', ...args], { cwd: dir, ...opts });

/** Wait until `output()` matches, or fail after `ms`. */
async function waitFor(
  output: () => string,
  re: RegExp,
  ms = 90_000,
  exited: () => boolean = () => false,
): Promise<RegExpMatchArray> {
  const t0 = Date.now();
  for (;;) {
    const m = output().match(re);
    if (m) return m;
    if (exited()) throw new Error(`exited before ${re}; output:\n${output()}`);
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('sextant paper, status, kill-switch (subprocesses)', { timeout: 180_000 }, () => {
  it('paper-trades, records state, and resumes where it stopped', async () => {
    const first = await sextant(['--json', 'paper', '--max-candles', '300']);
    expect(first.code).toBe(EXIT_CODES.OK);
    const a = JSON.parse(first.stdout) as { snapshot: { cycles: number; orders: number } };
    expect(a.snapshot.cycles).toBe(300);
    const second = await sextant(['--json', 'paper', '--max-candles', '100']);
    expect(second.code).toBe(EXIT_CODES.OK);
    expect((JSON.parse(second.stdout) as { snapshot: { cycles: number } }).snapshot.cycles).toBe(400);
    const status = await sextant(['--json', 'status']);
    expect(status.code).toBe(EXIT_CODES.OK);
    const s = JSON.parse(status.stdout) as {
      running: unknown;
      bot: { cycles: number; equity: number };
      markets: { symbol: string; model: { version: number }; candles: number }[];
    };
    expect(s.running).toBeNull();
    expect(s.bot.cycles).toBe(400);
    expect(s.markets.map((m) => [m.symbol, m.model.version, m.candles])).toEqual([
      ['ETH/BTC', 1, 5760],
      ['XLM/BTC', 1, 5760],
    ]);
  });

  it('locks the state store, serves metrics, and halts on the kill switch with alerts', async () => {
    let out = () => '';
    const running = sextant(
      ['paper', '--pace', '40', '--max-candles', '2000', '--metrics-port', '0', '--webhook', hookUrl],
      {
        onSpawn: (_pid, output) => {
          out = output;
        },
      },
    );
    const [, port] = await waitFor(() => out(), /metrics on http:\/\/127\.0\.0\.1:(\d+)\/metrics/);
    await new Promise((r) => setTimeout(r, 600));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('sextant_decisions_total');
    expect(metrics).toContain('sextant_cycle_seconds_bucket');
    expect(metrics).toMatch(/sextant_trading_state\{state="running"\} 1/);

    const second = await sextant(['paper', '--max-candles', '5']);
    expect(second.code).toBe(EXIT_CODES.LOCKED);
    expect(second.stderr).toMatch(/is locked by process \d+/);
    const status = await sextant(['--json', 'status']);
    expect((JSON.parse(status.stdout) as { running: { pid: number } | null }).running?.pid).toBeGreaterThan(0);

    const kill = await sextant(['kill-switch', '--reason', 'test drill', '--webhook', hookUrl]);
    expect(kill.code).toBe(EXIT_CODES.OK);
    expect(kill.stdout).toContain('Kill switch ENGAGED');
    const done = await running;
    expect(done.code).toBe(EXIT_CODES.HALTED);
    expect(done.stdout).toContain('stopped by the kill switch ("test drill")');
    expect(existsSync(join(dir, 'state', 'state.db.lock'))).toBe(false);
    expect(alerts.filter((x) => x.kind === 'kill-switch').length).toBeGreaterThanOrEqual(2);

    const refused = await sextant(['paper', '--max-candles', '5']);
    expect(refused.code).toBe(EXIT_CODES.HALTED);
    expect(refused.stderr).toContain('Kill switch engaged');
    const after = JSON.parse((await sextant(['--json', 'status'])).stdout) as {
      tradingState: string;
      bot: { positions: unknown[] };
    };
    expect(after.tradingState).toBe('HALTED (kill switch)');
    expect(after.bot.positions).toEqual([]);
    expect((await sextant(['kill-switch', '--release'])).code).toBe(EXIT_CODES.OK);
  });

  it('stops gracefully on SIGINT: finishes the cycle, persists, releases the lock, exits 130', async () => {
    await sextant(['kill-switch', '--release']);
    const before = JSON.parse((await sextant(['--json', 'status'])).stdout) as { bot: { cycles: number } | null };
    let pid = 0;
    let out = () => '';
    let exited = false;
    const running = sextant(['--log-level', 'info', 'paper', '--pace', '30', '--max-candles', '2000'], {
      onSpawn: (p, output) => {
        pid = p;
        out = output;
      },
    }).finally(() => {
      exited = true;
    });
    await waitFor(
      () => out(),
      /"to":"running","msg":"lifecycle"/,
      90_000,
      () => exited,
    );
    await new Promise((r) => setTimeout(r, 500));
    process.kill(pid, 'SIGINT');
    const done = await running;
    expect(done.code).toBe(EXIT_CODES.INTERRUPTED);
    expect(done.stderr).toContain('SIGINT received, finishing the current cycle');
    expect(done.stdout).toContain('after finishing the cycle');
    expect(existsSync(join(dir, 'state', 'state.db.lock'))).toBe(false);
    const status = JSON.parse((await sextant(['--json', 'status'])).stdout) as {
      bot: { cycles: number; state: string };
    };
    expect(status.bot.cycles).toBeGreaterThan(before.bot?.cycles ?? 0);
    expect(status.bot.state).toBe('stopped');
  });
});
