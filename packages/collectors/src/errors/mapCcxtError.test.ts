import { isSextantError } from '@sextant/core';
import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@sextant/core';
import { CCXT_ERROR_TABLE } from './CCXT_ERROR_TABLE.js';
import { mapCcxtError } from './mapCcxtError.js';

describe('mapCcxtError', () => {
  it.each([
    ['RequestTimeout', 'TIMEOUT', true],
    ['RateLimitExceeded', 'RATE_LIMITED', true],
    ['DDoSProtection', 'RATE_LIMITED', true],
    ['ExchangeNotAvailable', 'EXCHANGE_UNAVAILABLE', true],
    ['OnMaintenance', 'EXCHANGE_UNAVAILABLE', true],
    ['NetworkError', 'NETWORK', true],
    ['BadResponse', 'BAD_RESPONSE', true],
    ['AuthenticationError', 'AUTHENTICATION', false],
    ['PermissionDenied', 'AUTHENTICATION', false],
    ['BadSymbol', 'BAD_SYMBOL', false],
    ['BadRequest', 'BAD_REQUEST', false],
    ['InsufficientFunds', 'INSUFFICIENT_FUNDS', false],
    ['InvalidOrder', 'INVALID_ORDER', false],
    ['OrderNotFound', 'INVALID_ORDER', false],
    ['NotSupported', 'NOT_SUPPORTED', false],
  ] as const)('maps the real ccxt %s class to %s (retryable %s)', (cls, code, retryable) => {
    const Ctor = (ccxt as unknown as Record<string, new (m: string) => Error>)[cls]!;
    const err = mapCcxtError(new Ctor('binance {"code":-1,"msg":"x"}'), { exchange: 'binance', call: 'fetchTicker' });
    expect(isSextantError(err, code)).toBe(true);
    expect(err.retryable).toBe(retryable);
    expect(err.cause).toBeInstanceOf(Ctor);
    expect(err.details['ccxtClass']).toBe(cls);
    expect(err.message).toContain('binance fetchTicker failed');
  });

  it('has a rule for every ccxt error class the installed ccxt exports, except the bases', () => {
    const bases = new Set(['BaseError', 'ExchangeClosedByUser', 'InvalidProxySettings', 'UnsubscribeError']);
    const all = ccxt as unknown as Record<string, unknown>;
    const names = Object.keys(all).filter(
      (n) => typeof all[n] === 'function' && (all[n] as { prototype?: unknown }).prototype instanceof ccxt.BaseError,
    );
    expect(names.length).toBeGreaterThan(30);
    const unmapped = names.filter((n) => {
      if (bases.has(n)) return false;
      const Ctor = all[n] as new (m: string) => Error;
      return mapCcxtError(new Ctor('x')).code === 'INTERNAL' && CCXT_ERROR_TABLE[n] === undefined;
    });
    expect(unmapped).toEqual([]);
  });

  it('falls back to the HTTP status in the message when the class is generic', () => {
    const e429 = mapCcxtError(new ccxt.ExchangeError('binance 429 Too Many Requests {"code":-1003}'));
    expect(e429.code).toBe('RATE_LIMITED');
    expect(e429.retryable).toBe(true);
    expect(e429.details['status']).toBe(429);
    expect(mapCcxtError(new ccxt.ExchangeError('kraken 503 Service Unavailable')).code).toBe('EXCHANGE_UNAVAILABLE');
    expect(mapCcxtError(new ccxt.ExchangeError('kraken 401 Unauthorized')).code).toBe('AUTHENTICATION');
  });

  it('maps Node socket errors and passes Sextant errors through', () => {
    const sock = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(mapCcxtError(sock).code).toBe('NETWORK');
    const own = new InvalidArgumentError('bad');
    expect(mapCcxtError(own)).toBe(own);
    expect(mapCcxtError('weird').code).toBe('INTERNAL');
  });

  it('never puts signatures or API keys in the message', () => {
    const e = new ccxt.AuthenticationError(
      'binance GET https://api.binance.com/api/v3/account?timestamp=1&signature=deadbeefcafe {"msg":"apiKey=ABCDEF123"}',
    );
    const err = mapCcxtError(e, { exchange: 'binance' });
    expect(err.message).not.toContain('deadbeefcafe');
    expect(err.message).not.toContain('ABCDEF123');
    expect(err.message).toContain('signature=***');
  });
});
