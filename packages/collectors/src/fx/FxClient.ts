import { InvalidArgumentError, isSextantError, toSextantError } from '@sextant/core';
import { LRUCache } from 'lru-cache';
import { BadResponseError } from '../errors/BadResponseError.js';
import type { FxProvider, FxRate } from './FxProvider.type.js';

/** Options of {@link FxClient}. */
export interface FxClientOptions {
  /** Where rates come from, e.g. {@link createFrankfurterFxProvider}. */
  provider: FxProvider;
  /** How long a rate is served without asking again, ms. @default 3600000 (1 hour) */
  ttlMs?: number;
  /** Pairs kept for the stale fallback. @default 100 */
  cacheSize?: number;
  /** Clock, ms. @default `Date.now` */
  now?: () => number;
}

const CCY = /^[A-Z]{3}$/;

/**
 * Exchange rates (EUR/USD and any other pair) with a TTL cache (1 hour by
 * default), a pluggable {@link FxProvider}, one provider call per pair in
 * flight, and a stale fallback: when the provider fails, the last good rate
 * is served marked `stale: true`.
 *
 * @example
 * ```ts
 * import { FxClient, createFrankfurterFxProvider } from '@sextant/collectors';
 * const fx = new FxClient({ provider: createFrankfurterFxProvider() });
 * const { rate, stale } = await fx.rate('EUR', 'USD');
 * ```
 */
export class FxClient {
  readonly #provider: FxProvider;
  readonly #ttl: number;
  readonly #now: () => number;
  readonly #cache: LRUCache<string, FxRate>;
  readonly #inFlight = new Map<string, Promise<FxRate>>();

  /**
   * @param options - provider, TTL, cache size, clock
   * @throws InvalidArgumentError for a missing provider or a negative TTL
   */
  constructor(options: FxClientOptions) {
    if (typeof options?.provider?.rates !== 'function')
      throw new InvalidArgumentError('FxClient needs a provider with rates()');
    const ttl = options.ttlMs ?? 3_600_000;
    if (!(ttl >= 0)) throw new InvalidArgumentError(`ttlMs must be >= 0, got ${ttl}`);
    this.#provider = options.provider;
    this.#ttl = ttl;
    this.#now = options.now ?? Date.now;
    this.#cache = new LRUCache({ max: options.cacheSize ?? 100 });
  }

  /**
   * Units of `quote` per unit of `base`.
   *
   * @param base - ISO 4217 code, e.g. `EUR`
   * @param quote - ISO 4217 code, e.g. `USD`
   * @returns the rate, fresh or (when the provider fails) stale
   * @throws InvalidArgumentError for a bad code; BadResponseError for a non-positive rate; the provider's error when nothing is cached
   */
  async rate(base: string, quote: string): Promise<FxRate> {
    for (const c of [base, quote]) {
      if (typeof c !== 'string' || !CCY.test(c)) {
        throw new InvalidArgumentError(`Currency must be an ISO 4217 code like "EUR", got ${JSON.stringify(c)}`);
      }
    }
    if (base === quote) return { base, quote, rate: 1, fetchedAt: this.#now(), stale: false, source: 'identity' };
    const key = `${base}/${quote}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined && this.#now() - cached.fetchedAt < this.#ttl) return cached;
    let pending = this.#inFlight.get(key);
    if (pending === undefined) {
      pending = this.#fetch(base, quote).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    try {
      return await pending;
    } catch (e) {
      if (cached !== undefined && !(isSextantError(e, 'BAD_RESPONSE') && !e.retryable))
        return { ...cached, stale: true };
      throw e;
    }
  }

  async #fetch(base: string, quote: string): Promise<FxRate> {
    let rates: Record<string, number>;
    try {
      rates = await this.#provider.rates(base, [quote]);
    } catch (e) {
      throw isSextantError(e)
        ? e
        : toSextantError(e, `FX provider "${this.#provider.name}" failed for ${base}/${quote}`);
    }
    const rate = rates?.[quote];
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      throw new BadResponseError(
        `FX provider "${this.#provider.name}" gave ${base}/${quote} = ${JSON.stringify(rate)}, expected a positive number`,
      );
    }
    const out: FxRate = { base, quote, rate, fetchedAt: this.#now(), stale: false, source: this.#provider.name };
    this.#cache.set(`${base}/${quote}`, out);
    return out;
  }
}
