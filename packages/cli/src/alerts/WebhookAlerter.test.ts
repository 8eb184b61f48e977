import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from './Alert.type.js';
import { WebhookAlerter } from './WebhookAlerter.js';

const received: { headers: IncomingMessage['headers']; body: unknown; url: string }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body || 'null'), url: req.url ?? '' });
      res.writeHead(req.url === '/fail' ? 503 : 204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const alert: Alert = {
  kind: 'kill-switch',
  severity: 'critical',
  message: 'Kill switch engaged: manual',
  timestamp: Date.UTC(2024, 0, 1),
  details: { by: 'cli' },
};

describe('WebhookAlerter', () => {
  it('POSTs the alert as JSON with the configured headers', async () => {
    await new WebhookAlerter({ url: `${base}/hook`, headers: { 'x-signature': 'abc' } }).send(alert);
    const last = received.at(-1);
    expect(last?.url).toBe('/hook');
    expect(last?.body).toEqual(alert);
    expect(last?.headers['content-type']).toBe('application/json');
    expect(last?.headers['x-signature']).toBe('abc');
  });

  it('rejects with a retryable NETWORK error naming the status', async () => {
    const err = await new WebhookAlerter({ url: `${base}/fail` }).send(alert).catch((e: unknown) => e);
    expect(isSextantError(err, 'NETWORK')).toBe(true);
    expect((err as { retryable: boolean }).retryable).toBe(true);
    expect((err as Error).message).toBe('Webhook alert "kill-switch" got HTTP 503');
  });

  it('rejects when nothing listens, and refuses a bad URL up front', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const addr = closed.address();
    await new Promise((r) => closed.close(r));
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 1}/x`;
    const err = await new WebhookAlerter({ url, timeoutMs: 2000 }).send(alert).catch((e: unknown) => e);
    expect(isSextantError(err, 'NETWORK')).toBe(true);
    expect(() => new WebhookAlerter({ url: 'not a url' })).toThrow(/url/);
  });
});
