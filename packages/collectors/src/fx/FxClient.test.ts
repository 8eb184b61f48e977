import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FxClient } from './FxClient.js';
import type { FxProvider } from './FxProvider.type.js';
import { createFrankfurterFxProvider } from './createFrankfurterFxProvider.js';

/** A provider backed by a queue of answers (numbers or errors), counting calls. */
function scripted(answers: (number | Error)[]): FxProvider & { calls: number } {
  return {
    name: 'scripted',
    calls: 0,
    async rates(_base, quotes) {
      this.calls++;
      const a = answers.shift();
      if (a instanceof Error) throw a;
      return { [quotes[0] as string]: a as number };
    },
  };
}

describe('FxClient', () => {
  it('caches a rate for the TTL (1 h by default) and refreshes after it', async () => {
    let now = 0;
    const provider = scripted([1.08, 1.09]);
    const fx = new FxClient({ provider, now: () => now });
    expect((await fx.rate('EUR', 'USD')).rate).toBe(1.08);
    now = 3_599_999;
    expect((await fx.rate('EUR', 'USD')).rate).toBe(1.08);
    expect(provider.calls).toBe(1);
    now = 3_600_000;
    expect((await fx.rate('EUR', 'USD')).rate).toBe(1.09);
    expect(provider.calls).toBe(2);
  });

  it('serves the last good rate marked stale when the provider fails, and throws without one', async () => {
    let now = 0;
    const fx = new FxClient({ provider: scripted([1.08, new Error('down'), new Error('down')]), now: () => now });
    await fx.rate('EUR', 'USD');
    now = 7_200_000;
    const r = await fx.rate('EUR', 'USD');
    expect(r).toMatchObject({ rate: 1.08, stale: true, fetchedAt: 0, source: 'scripted' });
    await expect(fx.rate('EUR', 'GBP')).rejects.toThrow(/FX provider "scripted" failed for EUR\/GBP: down/);
  });

  it('shares one provider call between concurrent requests for a pair', async () => {
    const provider = scripted([1.1]);
    const fx = new FxClient({ provider });
    const [a, b] = await Promise.all([fx.rate('EUR', 'USD'), fx.rate('EUR', 'USD')]);
    expect(a.rate).toBe(b.rate);
    expect(provider.calls).toBe(1);
  });

  it('rejects bad codes and impossible rates with typed errors quoting the value', async () => {
    const fx = new FxClient({ provider: scripted([-1]) });
    await expect(fx.rate('eur', 'USD')).rejects.toThrow(/got "eur"/);
    const err = await fx.rate('EUR', 'USD').catch((e: unknown) => e);
    expect(isSextantError(err, 'BAD_RESPONSE')).toBe(true);
    expect((err as Error).message).toContain('EUR/USD = -1');
    expect((await fx.rate('USD', 'USD')).rate).toBe(1);
  });
});

describe('createFrankfurterFxProvider against a local Frankfurter-style server', () => {
  let url = '';
  let fail = false;
  const server = createServer((req, res) => {
    if (fail) {
      res.writeHead(502).end('bad gateway');
      return;
    }
    const u = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'application/json' });
    // ECB reference rate of 2024-01-02 (EUR/USD 1.0956), as published by the ECB.
    res.end(
      JSON.stringify({ amount: 1, base: u.searchParams.get('from'), date: '2024-01-02', rates: { USD: 1.0956 } }),
    );
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('reads EUR/USD and falls back to stale on a 502', async () => {
    let now = 0;
    const fx = new FxClient({ provider: createFrankfurterFxProvider({ baseUrl: url }), now: () => now });
    expect(await fx.rate('EUR', 'USD')).toMatchObject({ rate: 1.0956, stale: false, source: 'frankfurter' });
    fail = true;
    now = 4_000_000;
    expect(await fx.rate('EUR', 'USD')).toMatchObject({ rate: 1.0956, stale: true });
  });
});
