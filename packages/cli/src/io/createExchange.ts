import type { SextantConfig } from '@sextant/core';
import type { Exchange } from 'ccxt';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';

type ExchangeConfig = SextantConfig['exchanges'][number];

/**
 * A ccxt exchange for one configured exchange. API keys come only from the
 * environment (`apiKeyEnv`/`secretEnv`, default `SEXTANT_<ID>_API_KEY` and
 * `SEXTANT_<ID>_API_SECRET`). `baseUrl` re-points every REST endpoint's
 * origin (a proxy, or a fake exchange in tests); Binance is then limited to
 * spot markets.
 *
 * @throws CliError (`BAD_SYMBOL`, exit 2) when ccxt has no exchange with that id
 */
export async function createExchange(config: ExchangeConfig, env: NodeJS.ProcessEnv): Promise<Exchange> {
  const ccxt = (await import('ccxt')).default as unknown as Record<string, new (o: object) => Exchange>;
  const Ctor = ccxt[config.id];
  if (typeof Ctor !== 'function') {
    throw new CliError('BAD_SYMBOL', `ccxt has no exchange "${config.id}"`, { exitCode: EXIT_CODES.USAGE });
  }
  const upper = config.id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const apiKey = env[config.apiKeyEnv ?? `SEXTANT_${upper}_API_KEY`];
  const secret = env[config.secretEnv ?? `SEXTANT_${upper}_API_SECRET`];
  const options: Record<string, unknown> = {
    enableRateLimit: true,
    timeout: config.timeoutMs,
    ...(apiKey ? { apiKey } : {}),
    ...(secret ? { secret } : {}),
  };
  if (config.baseUrl !== undefined) {
    const probe = new Ctor({});
    options.urls = { ...probe.urls, api: rebase(probe.urls.api, config.baseUrl.replace(/\/$/, '')) };
    if (config.id === 'binance')
      options.options = { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false };
  }
  const exchange = new Ctor(options);
  if (config.sandbox) exchange.setSandboxMode(true);
  return exchange;
}

/** Replace the origin of every URL in ccxt's (possibly nested) `urls.api` map. */
function rebase(api: unknown, base: string): unknown {
  if (typeof api === 'string') return api.replace(/^https?:\/\/[^/]+/, base);
  if (api !== null && typeof api === 'object') {
    return Object.fromEntries(Object.entries(api).map(([k, v]) => [k, rebase(v, base)]));
  }
  return api;
}
