import { InvalidArgumentError, parseWith } from '@sextant/core';
import { LRUCache } from 'lru-cache';
import { type TtlCacheConfig, type TtlCacheConfigInput, TtlCacheConfigSchema } from './TtlCacheConfig.js';

/** What {@link TtlCache.get} returns. */
export interface CacheResult<V> {
  /** The value: fresh, or the last good one when `stale`. */
  value: V;
  /** True when the source failed and the last good value is served instead. */
  stale: boolean;
  /** Age of the value, ms. */
  ageMs: number;
  /** The source's error, when `stale`. */
  error?: unknown;
}

/** Counters of a {@link TtlCache}, since it was made. */
export interface CacheStats {
  /** Answers served fresh from the cache. */
  hits: number;
  /** Answers that called the source (absent or expired). */
  misses: number;
  /** Answers served stale because the source failed. */
  stale: number;
  /** Source failures (served stale or thrown). */
  errors: number;
  /** Entries held now. */
  size: number;
}

/** Options of one {@link TtlCache.get}. */
export interface CacheGetOptions {
  /** TTL for the value loaded now, ms. @default the cache's `ttlMs` */
  ttlMs?: number;
}

interface Entry<V> {
  value: V;
  at: number;
}

type Loader<V> = () => Promise<V>;

/**
 * A TTL cache for collector answers (FX rates, prices, market lists) on
 * lru-cache, with hit/miss/stale counters and stale-if-error: when the
 * source fails, the last good value is returned marked `stale` (up to
 * `staleIfErrorMs` past its TTL); concurrent misses on one key share one
 * source call.
 *
 * @example
 * ```ts
 * import { CACHE_TTL_PRESETS, TtlCache } from '@sextant/storage';
 * const prices = new TtlCache<number>({ ttlMs: CACHE_TTL_PRESETS.price });
 * const { value, stale } = await prices.get('binance:ETH/BTC', () => fetchLast('ETH/BTC'));
 * ```
 */
export class TtlCache<V> {
  /** The resolved, frozen configuration. */
  readonly config: Readonly<TtlCacheConfig>;
  #lru: LRUCache<string, Entry<V>, Loader<V>>;
  #now: () => number;
  #hits = 0;
  #misses = 0;
  #stale = 0;
  #errors = 0;

  /**
   * @param config - `max` entries (default 10000), `ttlMs` (default 15000), `staleIfErrorMs` (default 24 h)
   * @param options - `now`: the clock, ms (default `Date.now`)
   * @throws ConfigError on a bad config
   */
  constructor(config: TtlCacheConfigInput = {}, options: { now?: () => number } = {}) {
    this.config = parseWith(TtlCacheConfigSchema, config, 'TtlCache');
    const now = options.now ?? Date.now;
    this.#now = now;
    this.#lru = new LRUCache<string, Entry<V>, Loader<V>>({
      max: this.config.max,
      ttl: this.config.ttlMs,
      ttlResolution: 0,
      perf: { now },
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context(), at: now() }),
    });
  }

  /**
   * The cached value of `key` when fresh; otherwise `load()` is called and
   * its value cached. If `load()` fails and a previous value is at most
   * `staleIfErrorMs` past its TTL, that value is returned with `stale: true`.
   *
   * @param key - cache key, e.g. `binance:ETH/BTC`
   * @param load - the source
   * @param options - `ttlMs` for this value
   * @returns the value, whether it is stale, its age
   * @throws the source's error when there is no usable previous value
   * @throws InvalidArgumentError on a TTL that is not a positive number
   */
  async get(key: string, load: () => Promise<V>, options: CacheGetOptions = {}): Promise<CacheResult<V>> {
    const ttl = options.ttlMs ?? this.config.ttlMs;
    if (!(ttl > 0)) throw new InvalidArgumentError(`Cache TTL must be > 0 ms, got ${ttl}`);
    const status: LRUCache.Status<string, Entry<V>, Loader<V>> = {};
    let failure: unknown;
    const entry = await this.#lru
      .fetch(key, {
        context: async () => {
          try {
            return await load();
          } catch (e) {
            failure = e;
            throw e;
          }
        },
        ttl,
        status,
      })
      .catch((e: unknown) => {
        failure ??= e;
        return undefined;
      });
    if (failure !== undefined) this.#errors++;
    if (status.fetchDispatched) this.#misses++;
    else if (entry !== undefined) this.#hits++;
    if (entry === undefined) throw failure;
    const ageMs = this.#now() - entry.at;
    if (status.returnedStale || failure !== undefined) {
      if (ageMs > ttl + this.config.staleIfErrorMs) throw failure;
      this.#stale++;
      return { value: entry.value, stale: true, ageMs, error: failure };
    }
    return { value: entry.value, stale: false, ageMs };
  }

  /** Drop one key. */
  delete(key: string): void {
    this.#lru.delete(key);
  }

  /** Drop everything (counters are kept). */
  clear(): void {
    this.#lru.clear();
  }

  /** Hit, miss, stale and error counters and the current size. */
  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, stale: this.#stale, errors: this.#errors, size: this.#lru.size };
  }
}
