import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSextantError } from '@sextant/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import { exitCodeFor } from '../errors/exitCodeFor.js';
import { loadConfig } from './loadConfig.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sextant-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadConfig', () => {
  it('resolves defaults and applies overrides', async () => {
    const path = await file('ok.json', JSON.stringify({ symbols: ['ETH/BTC'], risk: { maxPositionPct: 0.1 } }));
    const config = await loadConfig(path, { startingCapital: 2 });
    expect(config.risk.maxPositionPct).toBe(0.1);
    expect(config.risk.stopLossPct).toBe(0.035);
    expect(config.startingCapital).toBe(2);
    expect(Object.isFrozen(config.risk)).toBe(true);
  });

  it('names the path and the expected value of a bad field', async () => {
    const path = await file('bad.json', JSON.stringify({ symbols: ['ETH/BTC'], risk: { maxPositionPct: 1.5 } }));
    const err = await loadConfig(path).catch((e: unknown) => e);
    expect(isSextantError(err, 'INVALID_CONFIG')).toBe(true);
    expect((err as Error).message).toContain('risk.maxPositionPct: expected number <= 1, got 1.5');
    expect((err as Error).message).toContain(path);
    expect(exitCodeFor(err)).toBe(EXIT_CODES.CONFIG);
  });

  it('refuses a missing file and invalid JSON, quoting them', async () => {
    const missing = join(dir, 'nope.json');
    await expect(loadConfig(missing)).rejects.toThrow(`Cannot read config file "${missing}"`);
    const broken = await file('broken.json', '{ "symbols": [');
    const err = await loadConfig(broken).catch((e: unknown) => e);
    expect((err as Error).message).toContain(`Config file "${broken}" is not valid JSON`);
    expect(exitCodeFor(err)).toBe(EXIT_CODES.CONFIG);
  });

  it('refuses secrets written into the file', async () => {
    const path = await file(
      'secret.json',
      JSON.stringify({ symbols: ['ETH/BTC'], exchanges: [{ id: 'binance', apiKey: 'abcd-1234-efgh' }] }),
    );
    const err = await loadConfig(path).catch((e: unknown) => e);
    expect(isSextantError(err, 'INVALID_CONFIG')).toBe(true);
    expect((err as Error).message).toContain('exchanges.0.apiKey: expected no secret in the config file');
    expect((err as Error).message).not.toContain('abcd-1234-efgh');
  });
});
