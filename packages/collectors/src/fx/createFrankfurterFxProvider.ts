import { BadResponseError } from '../errors/BadResponseError.js';
import { httpGetJson } from '../http/httpGetJson.js';
import type { FxProvider } from './FxProvider.type.js';

/**
 * An {@link FxProvider} over a Frankfurter-style API (ECB reference rates,
 * no key): `GET {baseUrl}/latest?from=EUR&to=USD` answering
 * `{ "base": "EUR", "rates": { "USD": 1.0842 } }`.
 *
 * @param options - base URL (default `https://api.frankfurter.app`) and timeouts
 * @returns the provider
 * @example
 * ```ts
 * import { FxClient, createFrankfurterFxProvider } from '@sextant/collectors';
 * const fx = new FxClient({ provider: createFrankfurterFxProvider({ readTimeoutMs: 5000 }) });
 * ```
 */
export function createFrankfurterFxProvider(
  options: { baseUrl?: string; connectTimeoutMs?: number; readTimeoutMs?: number } = {},
): FxProvider {
  const baseUrl = (options.baseUrl ?? 'https://api.frankfurter.app').replace(/\/$/, '');
  return {
    name: 'frankfurter',
    async rates(base, quotes) {
      const url = `${baseUrl}/latest?from=${encodeURIComponent(base)}&to=${quotes.map(encodeURIComponent).join(',')}`;
      const { body } = await httpGetJson(url, {
        name: 'frankfurter',
        connectTimeoutMs: options.connectTimeoutMs ?? 5000,
        readTimeoutMs: options.readTimeoutMs ?? 10_000,
      });
      const rates = (body as { rates?: unknown } | null)?.rates;
      if (typeof rates !== 'object' || rates === null) {
        throw new BadResponseError(`frankfurter: expected a "rates" object, got ${JSON.stringify(body).slice(0, 80)}`);
      }
      return rates as Record<string, number>;
    },
  };
}
