import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPreflight } from '../src/preflight/assertPreflight.js';
import type { PreflightProbes } from '../src/preflight/Preflight.type.js';
import { PreflightError } from '../src/preflight/PreflightError.js';
import { runPreflight } from '../src/preflight/runPreflight.js';

// A tiny fake exchange on 127.0.0.1: /ping, /time (server clock offset by SKEW), /markets, /balance, /hang (never answers).
let server: Server;
let base = '';
let skew = 0;
const KEY = 'k3y-abcdefgh';
const SECRET = 's3cr3t-ijklmnop';

beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (body: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/ping') return json({});
    if (req.url === '/time') return json({ serverTime: Date.now() + skew });
    if (req.url === '/markets') return json({ 'ETH/BTC': { precision: { amount: 0.001 } }, 'LTC/BTC': {} });
    if (req.url === '/balance') return json({ free: { BTC: 0.5 } });
    if (req.url === '/hang') return; // never answers
    res.writeHead(401).end(`invalid key ${KEY}`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

async function get<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

function probes(over: Partial<PreflightProbes> = {}): PreflightProbes {
  return {
    env: { SX_KEY: KEY, SX_SECRET: SECRET },
    ping: async () => void (await get('/ping')),
    loadMarkets: () => get('/markets'),
    fetchBalance: async () => (await get<{ free: { BTC: number } }>('/balance')).free.BTC,
    fetchTime: async () => (await get<{ serverTime: number }>('/time')).serverTime,
    ...over,
  };
}

const options = { apiKeyEnv: 'SX_KEY', secretEnv: 'SX_SECRET', symbols: ['ETH/BTC'], minBalance: 0.1 };

describe('live preflight against a local fake exchange', () => {
  it('passes when every check passes', async () => {
    skew = 0;
    const report = await runPreflight(probes(), options);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['keys', true],
      ['risk-config', true],
      ['reachable', true],
      ['markets', true],
      ['balance', true],
      ['clock', true],
    ]);
    expect(() => assertPreflight(report)).not.toThrow();
  });

  it('fails each check on its own cause, and the error lists them all', async () => {
    skew = 5_000;
    const report = await runPreflight(probes({ env: { SX_KEY: KEY } }), {
      ...options,
      symbols: ['ETH/BTC', 'XMR/BTC'],
      minBalance: 1,
      risk: { stopLossPct: 0.1, takeProfitPct: 0.05 },
    });
    const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]));
    expect(failed.keys).toBe('missing env SX_SECRET');
    expect(failed.markets).toBe('not listed: XMR/BTC');
    expect(failed.balance).toBe('free balance 0.5 is below minimum 1');
    const skewMs = Number(/^clock skew (-?\d+) ms exceeds 1000 ms$/.exec(failed.clock ?? '')?.[1]);
    expect(Math.abs(skewMs - 5_000)).toBeLessThan(500); // minus the request's own latency
    expect(failed['risk-config']).toBe('takeProfitPct "0.05" should exceed stopLossPct "0.1"');
    expect(report.ok).toBe(false);
    try {
      assertPreflight(report);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PreflightError);
      expect(isSextantError(e, 'PREFLIGHT_FAILED')).toBe(true);
      expect((e as Error).message).toMatch(/^Live preflight failed: keys: missing env SX_SECRET; risk-config: /);
    }
    skew = 0;
  });

  it('an unreachable or hanging exchange fails by timeout; secrets never reach the report', async () => {
    const report = await runPreflight(
      probes({
        ping: async () => void (await get('/unauthorised')),
        loadMarkets: () => get('/hang'),
      }),
      { ...options, timeoutMs: 300 },
    );
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName.reachable).toEqual({ name: 'reachable', ok: false, detail: 'HTTP 401: invalid key ***' });
    expect(byName.markets).toEqual({ name: 'markets', ok: false, detail: 'timed out after 300 ms' });
    const text = JSON.stringify(report);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SECRET);
  });

  it('refuses an invalid risk config and one with no loss breaker', async () => {
    const bad = await runPreflight(probes(), { ...options, risk: { maxPositionPct: 2 } });
    expect(bad.checks.find((c) => c.name === 'risk-config')?.detail).toMatch(/^maxPositionPct: /);
    const noBreaker = await runPreflight(probes(), { ...options, risk: { dailyLossLimitPct: 0, maxDrawdownPct: 0 } });
    expect(noBreaker.checks.find((c) => c.name === 'risk-config')?.ok).toBe(false);
  });
});
