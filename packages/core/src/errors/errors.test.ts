import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { ERROR_CODES } from './errorCodes.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { isSextantError } from './isSextantError.js';
import { SEXTANT_ERROR_BRAND, SextantError } from './SextantError.js';
import { toSextantError } from './toSextantError.js';

describe('SextantError', () => {
  it('carries code, retryable, cause and details', () => {
    const cause = new Error('socket hang up');
    const e = new SextantError('NETWORK', 'GET /api/v3/klines failed', {
      retryable: true,
      cause,
      details: { url: '/x' },
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SextantError');
    expect(e.code).toBe('NETWORK');
    expect(e.retryable).toBe(true);
    expect(e.cause).toBe(cause);
    expect(e.toJSON()).toEqual({
      name: 'SextantError',
      code: 'NETWORK',
      message: 'GET /api/v3/klines failed',
      retryable: true,
      details: { url: '/x' },
    });
  });

  it('names leaf classes after themselves and defaults to not retryable', () => {
    const e = new InvalidArgumentError('period must be >= 1, got 0');
    expect(e.name).toBe('InvalidArgumentError');
    expect(e.retryable).toBe(false);
    expect(isSextantError(e, 'INVALID_ARGUMENT')).toBe(true);
    expect(isSextantError(e, 'NETWORK')).toBe(false);
  });

  it('is recognised across copies of the package by its global brand, not instanceof', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'TIMEOUT', [SEXTANT_ERROR_BRAND]: true });
    expect(foreign instanceof SextantError).toBe(false);
    expect(isSextantError(foreign, 'TIMEOUT')).toBe(true);
    expect(isSextantError(new Error('plain'))).toBe(false);
    expect(isSextantError(null)).toBe(false);
    expect(isSextantError({ code: 'TIMEOUT' })).toBe(false);
  });

  it('wraps anything thrown without losing it', () => {
    const original = new TypeError('x is undefined');
    const e = toSextantError(original, 'features stage');
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toBe('features stage: x is undefined');
    expect(e.cause).toBe(original);
    const same = new InvalidArgumentError('bad');
    expect(toSextantError(same)).toBe(same);
    expect(toSextantError('a string').message).toBe('a string');
  });

  it('lists config issues in the message', () => {
    const e = new ConfigError([{ path: 'risk.maxPositionPct', message: 'expected number <= 1, got 1.5' }], 'bot.json');
    expect(e.message).toBe('Invalid config in bot.json: risk.maxPositionPct: expected number <= 1, got 1.5');
    expect(e.code).toBe(ERROR_CODES.INVALID_CONFIG);
  });

  it('has one value per code key', () => {
    for (const [k, v] of Object.entries(ERROR_CODES)) expect(v).toBe(k);
  });
});
