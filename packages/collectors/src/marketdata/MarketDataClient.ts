import { InvalidArgumentError, type SextantError, isSextantError, parseWith } from '@sextant/core';
import { LRUCache } from 'lru-cache';
import pRetry from 'p-retry';
import type { z } from 'zod';
import { BadResponseError } from '../errors/BadResponseError.js';
import { QuotaExceededError } from '../errors/QuotaExceededError.js';
import type { GuardEvents } from '../guard/GuardEvents.type.js';
import { Listeners } from '../guard/Listeners.js';
import { UsageCounter } from '../guard/UsageCounter.js';
import { httpGetJson } from '../http/httpGetJson.js';
import { COINGECKO_SCHEMAS as S } from './COINGECKO_SCHEMAS.js';
import { KeyPool } from './KeyPool.js';
import type { CoinOhlc, CoinPrice, CoinRanking, CoinTicker, MarketChart, MarketDataResult } from './MarketData.type.js';
import { type MarketDataClientConfig, MarketDataClientConfigSchema } from './MarketDataClientConfigSchema.js';

/** Options of {@link MarketDataClient}. */
export interface MarketDataClientOptions extends MarketDataClientConfig {
  /** API keys, rotated; read them from the environment. @default keyless */
  keys?: readonly string[];
  /** Clock, ms. @default `Date.now` */
  now?: () => number;
}

/** Usage of a {@link MarketDataClient}. */
export interface MarketDataStats {
  requests: { minute: number; hour: number; day: number; total: number };
  /** Requests counted against the monthly cap, and the cap. */
  month: { used: number; cap: number };
  errors: Partial<Record<SextantError['code'], number>>;
  latencyMs: { p50: number; p95: number };
  /** Per key (by label, never by value): requests in the trailing minute. */
  keys: { label: string; lastMinute: number }[];
  /** Answers served stale from cache. */
  staleServed: number;
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A client for a CoinGecko-style market-data REST API: prices in USD and EUR
 * with 1h/24h/7d changes, market cap and volume; market-cap rankings;
 * `market_chart/range` history; coin OHLC; coin tickers. Several API keys are
 * rotated, each with its own requests-per-minute budget, all sharing one
 * monthly cap (reaching it throws {@link QuotaExceededError}). Requests have
 * connect and read timeouts and are retried with backoff; answers are checked
 * with loose zod schemas (extra fields ignored, missing fields a
 * {@link BadResponseError}); when the API fails, the last good value is
 * served from an LRU cache marked `stale: true`.
 *
 * @example
 * ```ts
 * import { MarketDataClient } from '@sextant/collectors';
 * const cg = new MarketDataClient({ keys: process.env.COINGECKO_KEYS?.split(',') ?? [], rpmPerKey: 500 });
 * const { data, stale } = await cg.prices(['bitcoin', 'ethereum']);
 * console.log(data[0]?.usd, data[0]?.change24hPct, stale);
 * ```
 */
export class MarketDataClient {
  readonly config: Readonly<z.output<typeof MarketDataClientConfigSchema>>;
  readonly #pool: KeyPool;
  readonly #now: () => number;
  readonly #cache: LRUCache<string, { data: unknown; fetchedAt: number }>;
  readonly #usage = new UsageCounter();
  readonly #events = new Listeners<GuardEvents>();
  readonly #keyCount: number;
  #stale = 0;

  /**
   * @param options - config, keys and clock
   * @throws ConfigError for a bad config; InvalidArgumentError for an empty key (the value is never quoted)
   */
  constructor(options: MarketDataClientOptions = {}) {
    const { keys = [], now, ...config } = options;
    this.config = parseWith(MarketDataClientConfigSchema, config);
    keys.forEach((k, i) => {
      if (typeof k !== 'string' || k.trim() === '') throw new InvalidArgumentError(`API key #${i + 1} is empty`);
    });
    this.#keyCount = keys.length;
    this.#pool = new KeyPool(keys, this.config.rpmPerKey, this.config.monthlyCap, this.config.monthlyUsed);
    this.#now = now ?? Date.now;
    this.#cache = new LRUCache({ max: this.config.cacheSize });
  }

  /**
   * Subscribe to `request` and `retry` events (target `coingecko`).
   * @param event - event name
   * @param fn - listener
   * @returns unsubscribe
   */
  on<K extends keyof GuardEvents>(event: K, fn: (e: GuardEvents[K]) => void): () => void {
    return this.#events.on(event, fn);
  }

  /**
   * Prices in USD and EUR with 1h/24h/7d change, market cap and 24h volume
   * (`/coins/markets` in USD plus `/simple/price` in EUR: two requests).
   * @param ids - CoinGecko ids, e.g. `['bitcoin', 'ethereum']`
   * @returns one row per id found, in the order asked
   * @throws InvalidArgumentError for a bad id; QuotaExceededError; BadResponseError; ExchangeRequestError when failing without cache
   */
  async prices(ids: readonly string[]): Promise<MarketDataResult<CoinPrice[]>> {
    const list = this.#ids(ids).join(',');
    const usd = await this.#get(
      '/coins/markets',
      { vs_currency: 'usd', ids: list, price_change_percentage: '1h,24h,7d', per_page: '250', page: '1' },
      S.marketRow.array(),
    );
    const eur = await this.#get('/simple/price', { ids: list, vs_currencies: 'eur' }, S.simplePrice);
    const data = ids.flatMap((id): CoinPrice[] => {
      const row = usd.data.find((r) => r.id === id);
      if (row === undefined) return [];
      const e = eur.data[id]?.['eur'];
      if (typeof e !== 'number') {
        throw new BadResponseError(`/simple/price: "${id}.eur" expected a number, got ${JSON.stringify(e)}`);
      }
      return [
        {
          id,
          symbol: row.symbol,
          usd: row.current_price,
          eur: e,
          change1hPct: row.price_change_percentage_1h_in_currency ?? null,
          change24hPct: row.price_change_percentage_24h_in_currency ?? null,
          change7dPct: row.price_change_percentage_7d_in_currency ?? null,
          marketCapUsd: row.market_cap ?? null,
          volume24hUsd: row.total_volume ?? null,
        },
      ];
    });
    return { data, stale: usd.stale || eur.stale, fetchedAt: Math.min(usd.fetchedAt, eur.fetchedAt) };
  }

  /**
   * Market-cap ranking (`/coins/markets`, ordered by market cap).
   * @param options - currency (default `usd`), page (default 1), rows per page (default 100, max 250)
   * @returns the ranking rows
   */
  async markets(
    options: { vsCurrency?: string; page?: number; perPage?: number } = {},
  ): Promise<MarketDataResult<CoinRanking[]>> {
    const perPage = options.perPage ?? 100;
    const page = options.page ?? 1;
    if (!(Number.isInteger(perPage) && perPage >= 1 && perPage <= 250)) {
      throw new InvalidArgumentError(`perPage must be an integer in 1..250, got ${perPage}`);
    }
    if (!(Number.isInteger(page) && page >= 1))
      throw new InvalidArgumentError(`page must be an integer >= 1, got ${page}`);
    const r = await this.#get(
      '/coins/markets',
      {
        vs_currency: this.#currency(options.vsCurrency),
        order: 'market_cap_desc',
        per_page: String(perPage),
        page: String(page),
        price_change_percentage: '1h,24h,7d',
      },
      S.marketRow.array(),
    );
    const data = r.data.map((row) => ({
      id: row.id,
      symbol: row.symbol,
      name: row.name,
      rank: row.market_cap_rank ?? null,
      price: row.current_price,
      marketCap: row.market_cap ?? null,
      volume24h: row.total_volume ?? null,
      change1hPct: row.price_change_percentage_1h_in_currency ?? null,
      change24hPct: row.price_change_percentage_24h_in_currency ?? null,
      change7dPct: row.price_change_percentage_7d_in_currency ?? null,
    }));
    return { ...r, data };
  }

  /**
   * Price, market-cap and volume history between two times (`/coins/{id}/market_chart/range`).
   * @param id - CoinGecko id
   * @param range - `from` and `to` in ms (sent as unix seconds), currency (default `usd`)
   * @returns columns, oldest first
   */
  async marketChartRange(
    id: string,
    range: { from: number; to: number; vsCurrency?: string },
  ): Promise<MarketDataResult<MarketChart>> {
    const [coin] = this.#ids([id]);
    if (!(Number.isFinite(range.from) && Number.isFinite(range.to) && range.from < range.to)) {
      throw new InvalidArgumentError(
        `market_chart range needs from < to in ms, got from ${range.from}, to ${range.to}`,
      );
    }
    const r = await this.#get(
      `/coins/${coin}/market_chart/range`,
      {
        vs_currency: this.#currency(range.vsCurrency),
        from: String(Math.floor(range.from / 1000)),
        to: String(Math.floor(range.to / 1000)),
      },
      S.marketChart,
    );
    const n = r.data.prices.length;
    const pick = (rows: readonly (readonly [number, number])[], i: number): number => rows[i]?.[1] ?? Number.NaN;
    const chart: MarketChart = {
      timestamp: Float64Array.from(r.data.prices, (p) => p[0]),
      price: Float64Array.from(r.data.prices, (p) => p[1]),
      marketCap: Float64Array.from({ length: n }, (_, i) => pick(r.data.market_caps, i)),
      volume: Float64Array.from({ length: n }, (_, i) => pick(r.data.total_volumes, i)),
    };
    return { ...r, data: chart };
  }

  /**
   * Coin OHLC candles (`/coins/{id}/ohlc`).
   * @param id - CoinGecko id
   * @param options - `days` (1, 7, 14, 30, 90, 180, 365), currency (default `usd`)
   * @returns columns, oldest first
   */
  async ohlc(id: string, options: { days: number; vsCurrency?: string }): Promise<MarketDataResult<CoinOhlc>> {
    const [coin] = this.#ids([id]);
    if (![1, 7, 14, 30, 90, 180, 365].includes(options.days)) {
      throw new InvalidArgumentError(`ohlc days must be one of 1, 7, 14, 30, 90, 180, 365, got ${options.days}`);
    }
    const r = await this.#get(
      `/coins/${coin}/ohlc`,
      { vs_currency: this.#currency(options.vsCurrency), days: String(options.days) },
      S.ohlc,
    );
    const col = (k: number): Float64Array => Float64Array.from(r.data, (row) => row[k] as number);
    return { ...r, data: { timestamp: col(0), open: col(1), high: col(2), low: col(3), close: col(4) } };
  }

  /**
   * A coin's exchange tickers (`/coins/{id}/tickers`).
   * @param id - CoinGecko id
   * @returns tickers as the API orders them
   */
  async tickers(id: string): Promise<MarketDataResult<CoinTicker[]>> {
    const [coin] = this.#ids([id]);
    const r = await this.#get(`/coins/${coin}/tickers`, {}, S.tickers);
    const data = r.data.tickers.map((t) => ({
      base: t.base,
      target: t.target,
      market: { name: t.market.name, identifier: t.market.identifier },
      last: t.last,
      volume: t.volume,
      lastUsd: t.converted_last?.usd ?? null,
      trustScore: t.trust_score ?? null,
    }));
    return { ...r, data };
  }

  /** Usage so far. @returns a snapshot (keys by label only) */
  stats(): MarketDataStats {
    const now = this.#now();
    return {
      requests: {
        minute: this.#usage.count(now, 1),
        hour: this.#usage.count(now, 60),
        day: this.#usage.count(now, 1440),
        total: this.#usage.total,
      },
      month: { used: this.#pool.used, cap: this.config.monthlyCap },
      errors: { ...this.#usage.errors },
      latencyMs: { p50: this.#usage.percentile(50), p95: this.#usage.percentile(95) },
      keys: Array.from({ length: Math.max(1, this.#keyCount) }, (_, i) => ({
        label: this.#pool.label(i),
        lastMinute: this.#pool.inLastMinute(i, now),
      })),
      staleServed: this.#stale,
    };
  }

  #ids(ids: readonly string[]): string[] {
    if (!Array.isArray(ids) || ids.length === 0)
      throw new InvalidArgumentError('Expected at least one coin id, got none');
    for (const id of ids) {
      if (typeof id !== 'string' || !ID_RE.test(id)) {
        throw new InvalidArgumentError(`Coin id must look like "bitcoin", got ${JSON.stringify(id)}`);
      }
    }
    return [...ids];
  }

  #currency(c: string | undefined): string {
    const v = c ?? 'usd';
    if (!/^[a-z]{3,5}$/.test(v))
      throw new InvalidArgumentError(`vsCurrency must look like "usd", got ${JSON.stringify(v)}`);
    return v;
  }

  async #get<T extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: T,
  ): Promise<MarketDataResult<z.output<T>>> {
    const query = new URLSearchParams(params).toString();
    const url = `${this.config.baseUrl.replace(/\/$/, '')}${path}${query === '' ? '' : `?${query}`}`;
    const cached = this.#cache.get(url);
    if (cached !== undefined && this.#now() - cached.fetchedAt < this.config.freshMs) {
      return { data: cached.data as z.output<T>, stale: false, fetchedAt: cached.fetchedAt };
    }
    let body: unknown;
    try {
      body = await pRetry(() => this.#attempt(url), {
        retries: this.config.retries,
        factor: 2,
        minTimeout: this.config.minBackoffMs,
        maxTimeout: this.config.maxBackoffMs,
        randomize: true,
        shouldRetry: ({ error }) => isSextantError(error) && error.retryable,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft > 0 && isSextantError(error) && error.retryable) {
            this.#events.emit('retry', { target: 'coingecko', call: path, attempt: attemptNumber, error });
          }
        },
      });
    } catch (e) {
      if (cached !== undefined && isSextantError(e) && e.code !== 'QUOTA_EXCEEDED') {
        this.#stale++;
        return { data: cached.data as z.output<T>, stale: true, fetchedAt: cached.fetchedAt };
      }
      throw e;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue === undefined ? '' : issue.path.join('.');
      throw new BadResponseError(
        `${path}: answer does not match the expected schema at "${at}": ${issue?.message ?? 'invalid'}`,
        { details: { path, issues: parsed.error.issues.length } },
      );
    }
    const fetchedAt = this.#now();
    this.#cache.set(url, { data: parsed.data, fetchedAt });
    return { data: parsed.data, stale: false, fetchedAt };
  }

  async #attempt(url: string): Promise<unknown> {
    for (;;) {
      const slot = this.#pool.take(this.#now());
      if ('waitMs' in slot) {
        if (!this.config.waitForBudget) {
          throw new QuotaExceededError(
            `Every key used its ${this.config.rpmPerKey} requests/minute budget; next slot in ${Math.ceil(slot.waitMs)} ms`,
            { details: { waitMs: slot.waitMs } },
          );
        }
        await sleep(slot.waitMs);
        continue;
      }
      const t0 = this.#now();
      const started = performance.now();
      try {
        const headers: Record<string, string> = slot.key === '' ? {} : { [this.config.keyHeader]: slot.key };
        const res = await httpGetJson(url, {
          headers,
          name: 'coingecko',
          connectTimeoutMs: this.config.connectTimeoutMs,
          readTimeoutMs: this.config.readTimeoutMs,
        });
        this.#record(t0, performance.now() - started, this.#pool.label(slot.index));
        return res.body;
      } catch (e) {
        const err = e as SextantError;
        this.#record(t0, performance.now() - started, this.#pool.label(slot.index), err.code);
        if (err.code === 'RATE_LIMITED') {
          const after = typeof err.details?.['retryAfterMs'] === 'number' ? err.details['retryAfterMs'] : 60_000;
          this.#pool.pause(slot.index, this.#now() + after);
        }
        throw err;
      }
    }
  }

  #record(at: number, latency: number, key: string, code?: SextantError['code']): void {
    this.#usage.record(at, latency, code);
    this.#events.emit('request', {
      target: 'coingecko',
      key,
      ms: latency,
      ok: code === undefined,
      ...(code === undefined ? {} : { code }),
    });
  }
}
