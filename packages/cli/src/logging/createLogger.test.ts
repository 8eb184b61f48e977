import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectSecrets } from './collectSecrets.js';
import { createLogger } from './createLogger.js';

const CANARY = 'sk-canary-7f3a9c1e5b2d4f60';

function sink(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('createLogger', () => {
  it('writes JSON lines with level, name and message', () => {
    const out = sink();
    const log = createLogger({ destination: out.stream, secrets: [] });
    log.info({ symbol: 'ETH/BTC' }, 'collected');
    const [line] = out.lines();
    expect(JSON.parse(line ?? '{}')).toMatchObject({ level: 30, name: 'sextant', msg: 'collected', symbol: 'ETH/BTC' });
  });

  it('never writes a secret from the environment, whatever carries it', () => {
    const env = { SEXTANT_BINANCE_API_KEY: CANARY, SEXTANT_BINANCE_API_SECRET: 'canary-secret-0001', HOME: '/root' };
    const secrets = collectSecrets(env);
    expect(secrets).toEqual(['canary-secret-0001', CANARY].sort((a, b) => b.length - a.length));
    const out = sink();
    const log = createLogger({ destination: out.stream, secrets, level: 'debug' });
    log.info({ apiKey: CANARY, nested: { secret: 'canary-secret-0001' } }, 'keys set');
    log.warn({ url: `https://api.example.test/?key=${CANARY}` }, `request with ${CANARY}`);
    log.error({ err: new Error(`auth failed for key ${CANARY}`) }, 'auth failed');
    log.debug({ headers: { authorization: `Bearer ${CANARY}` } }, 'headers');
    const text = out.lines().join('\n');
    expect(out.lines()).toHaveLength(4);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('canary-secret-0001');
    expect(text).toContain('[REDACTED]');
  });
});
