import { createHash } from 'node:crypto';
import { InvalidArgumentError, type SextantError, parseWith } from '@sextant/core';
import type { Exchange } from 'ccxt';
import pRetry from 'p-retry';
import type { z } from 'zod';
import { BadResponseError } from '../errors/BadResponseError.js';
import { httpStatusOf, mapCcxtError } from '../errors/mapCcxtError.js';
import { CircuitBreaker } from './CircuitBreaker.js';
import { type ExchangeGuardConfig, ExchangeGuardConfigSchema } from './ExchangeGuardConfigSchema.js';
import type { GuardEvents } from './GuardEvents.type.js';
import { Listeners } from './Listeners.js';
import { type RateBudget, RequestGate } from './RequestGate.js';
import { UsageCounter } from './UsageCounter.js';
import type { UsageStats } from './UsageStats.type.js';

const GUARD = Symbol.for('@sextant/collectors/ExchangeGuard');
type Fetch = (url: string, method?: string, headers?: unknown, body?: unknown) => Promise<unknown>;
type Guarded = Exchange & { [GUARD]?: ExchangeGuard };

/**
 * The fault layer of one ccxt exchange instance, shared by every collector
 * using it: retries reads with capped exponential backoff and jitter
 * (p-retry), pauses the WHOLE exchange on 429/418 until the Retry-After (or
 * ban) expires, opens a circuit breaker after N consecutive failures, and
 * counts usage (requests per minute/hour/day, errors by code, latency
 * p50/p95) as {@link UsageStats} and {@link GuardEvents}.
 *
 * It hooks the instance's low-level `fetch` (just before the socket), so
 * every HTTP request, including ones ccxt makes on its own such as
 * `loadMarkets`, waits out a pause and is counted, and (with `pace`, the
 * default) takes over ccxt's `throttle`: requests start when ccxt's own
 * token bucket allows, measured by start times, so the next request may
 * leave while the previous answer is still being parsed, and nothing
 * starts inside a known Retry-After window. Use
 * {@link ExchangeGuard.for} to get the one guard of an instance. Order
 * calls go through {@link ExchangeGuard.write}, which is never retried.
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { ExchangeGuard } from '@sextant/collectors';
 * const guard = ExchangeGuard.for(new ccxt.binance({ enableRateLimit: true }), { retries: 3 });
 * const ticker = await guard.read('fetchTicker ETH/BTC', (ex) => ex.fetchTicker('ETH/BTC'));
 * console.log(guard.stats().requests.minute);
 * ```
 */
export class ExchangeGuard {
  /** The guarded exchange. */
  readonly exchange: Exchange;
  /** Resolved config. */
  readonly config: Readonly<z.output<typeof ExchangeGuardConfigSchema>>;
  readonly #events = new Listeners<GuardEvents>();
  readonly #usage = new UsageCounter();
  readonly #circuit: CircuitBreaker;
  readonly #key: string;
  readonly #gate: RequestGate;
  /** Slots granted by the throttle hook, each claimed by the fetch that follows it. */
  readonly #granted: object[] = [];
  #pausedUntil = 0;
  #pauses = 0;
  #retries = 0;

  /**
   * The guard of `exchange`, created (with `config`) on first use. One per
   * instance, so all collectors share its pause, breaker and counts.
   *
   * @param exchange - a ccxt exchange configured by the host
   * @param config - used only when the guard is created
   * @returns the instance's guard
   * @throws ConfigError when `config` is invalid
   */
  static for(exchange: Exchange, config: ExchangeGuardConfig = {}): ExchangeGuard {
    return (exchange as Guarded)[GUARD] ?? new ExchangeGuard(exchange, config);
  }

  /**
   * Prefer {@link ExchangeGuard.for}. Installs the fetch hook on `exchange`.
   * @param exchange - a ccxt exchange configured by the host
   * @param config - retries, pauses, breaker; see {@link ExchangeGuardConfigSchema}
   * @throws ConfigError when `config` is invalid
   * @throws InvalidArgumentError when the instance already has a guard
   */
  constructor(exchange: Exchange, config: ExchangeGuardConfig = {}) {
    if ((exchange as Guarded)[GUARD] !== undefined) {
      throw new InvalidArgumentError(`Exchange "${exchange.id}" already has a guard; use ExchangeGuard.for(exchange)`);
    }
    this.exchange = exchange;
    this.config = parseWith(ExchangeGuardConfigSchema, config);
    const apiKey = typeof exchange.apiKey === 'string' ? exchange.apiKey : '';
    this.#key = apiKey === '' ? 'public' : `key:${createHash('sha256').update(apiKey).digest('hex').slice(0, 8)}`;
    this.#circuit = new CircuitBreaker({
      target: exchange.id,
      threshold: this.config.circuitThreshold,
      cooldownMs: this.config.circuitCooldownMs,
      onChange: (state) => this.#events.emit('circuit', { target: exchange.id, state }),
    });
    this.#gate = new RequestGate({
      maxInFlight: this.config.maxInFlight,
      minIntervalMs: this.config.minIntervalMs,
      // Paced by ccxt's throttle, requests pass it during a pause and would leave together at its end.
      afterPauseMs: this.config.pace ? 0 : Math.max(1, Number(exchange.rateLimit ?? 0)),
      pausedUntil: () => this.#pausedUntil,
      budget: () => this.#budget(),
    });
    const original = (exchange.fetch as Fetch).bind(exchange);
    (exchange as unknown as { fetch: Fetch }).fetch = (url, method, headers, body) =>
      this.#send(original, url, method, headers, body);
    const throttler = (exchange as { throttler?: { config?: { algorithm?: string } } }).throttler;
    if (this.config.pace && throttler?.config?.algorithm !== 'rollingWindow') {
      (exchange as unknown as { throttle: (cost?: number) => Promise<void> }).throttle = (cost) => this.#throttle(cost);
    }
    (exchange as Guarded)[GUARD] = this;
  }

  /**
   * Subscribe to guard events.
   * @param event - `request`, `retry`, `pause` or `circuit`
   * @param fn - listener (exceptions are swallowed)
   * @returns unsubscribe
   */
  on<K extends keyof GuardEvents>(event: K, fn: (e: GuardEvents[K]) => void): () => void {
    return this.#events.on(event, fn);
  }

  /**
   * Run a read with retries, the pause and the circuit breaker; errors are
   * mapped with {@link mapCcxtError}.
   *
   * @param call - what is called, for messages (`fetchOHLCV ETH/BTC 5m`)
   * @param fn - the ccxt call
   * @param options - `onRetry`, called before each retry (for per-run reports)
   * @returns its result
   * @throws SextantError (mapped) when it fails for good or is not retryable
   */
  async read<T>(
    call: string,
    fn: (exchange: Exchange) => Promise<T>,
    options: { onRetry?: (error: SextantError) => void } = {},
  ): Promise<T> {
    return pRetry(() => this.#attempt(call, fn), {
      retries: this.config.retries,
      factor: 2,
      minTimeout: this.config.minBackoffMs,
      maxTimeout: this.config.maxBackoffMs,
      randomize: true,
      shouldRetry: ({ error }) => (error as SextantError).retryable === true,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (retriesLeft > 0 && (error as SextantError).retryable) {
          this.#retries++;
          options.onRetry?.(error as SextantError);
          this.#events.emit('retry', {
            target: this.exchange.id,
            call,
            attempt: attemptNumber,
            error: error as SextantError,
          });
        }
      },
    });
  }

  /**
   * Run a state-changing call (an order) once: it waits out a pause and
   * respects the breaker, but is NEVER retried, since a retry could place a
   * second order. Errors are mapped with {@link mapCcxtError}.
   *
   * @param call - what is called, for messages
   * @param fn - the ccxt call
   * @returns its result
   * @throws SextantError (mapped)
   */
  async write<T>(call: string, fn: (exchange: Exchange) => Promise<T>): Promise<T> {
    return this.#attempt(call, fn);
  }

  /** Usage so far. @returns a snapshot */
  stats(): UsageStats {
    const now = Date.now();
    return {
      target: this.exchange.id,
      key: this.#key,
      requests: {
        minute: this.#usage.count(now, 1),
        hour: this.#usage.count(now, 60),
        day: this.#usage.count(now, 1440),
        total: this.#usage.total,
      },
      errors: { ...this.#usage.errors },
      latencyMs: { p50: this.#usage.percentile(50), p95: this.#usage.percentile(95) },
      retries: this.#retries,
      pauses: this.#pauses,
      pausedUntil: this.#pausedUntil > now ? this.#pausedUntil : 0,
      circuit: this.#circuit.state,
    };
  }

  /** Retries made so far (for per-run reports). */
  get retries(): number {
    return this.#retries;
  }

  /**
   * Pause the whole exchange until `until` (never shortens a pause).
   * @param until - ms since the epoch
   * @param reason - why, for the `pause` event
   */
  pauseUntil(until: number, reason: string): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#pauses++;
    this.#events.emit('pause', { target: this.exchange.id, until, reason });
  }

  async #attempt<T>(call: string, fn: (exchange: Exchange) => Promise<T>): Promise<T> {
    this.#circuit.admit();
    try {
      const out = await fn(this.exchange);
      this.#circuit.success();
      return out;
    } catch (e) {
      const err = mapCcxtError(e, { exchange: this.exchange.id, call });
      if (err.retryable) this.#circuit.failure();
      else this.#circuit.success();
      throw err;
    }
  }

  /** ccxt's token bucket of this instance, in cost units per ms. */
  #budget(): RateBudget | undefined {
    const bucket = (this.exchange as { tokenBucket?: { refillRate?: number; capacity?: number } }).tokenBucket;
    const rateLimit = Number(this.exchange.rateLimit ?? 0);
    const refillPerMs = bucket?.refillRate ?? (rateLimit > 0 ? 1 / rateLimit : Number.POSITIVE_INFINITY);
    return { refillPerMs, capacity: bucket?.capacity ?? 1 };
  }

  /**
   * Stands in for ccxt's `throttle(cost)`, which ccxt awaits right before it
   * signs and fetches: takes the request's slot from the gate (pause, slots,
   * budget) and leaves it for the fetch that follows synchronously. A slot
   * no fetch claimed by the next macrotask (signing threw) is given back.
   */
  async #throttle(cost?: number): Promise<void> {
    const unit = (this.exchange as { tokenBucket?: { cost?: number } }).tokenBucket?.cost ?? 1;
    await this.#gate.enter(cost ?? unit);
    const grant = {};
    this.#granted.push(grant);
    setImmediate(() => {
      const i = this.#granted.indexOf(grant);
      if (i < 0) return;
      this.#granted.splice(i, 1);
      this.#gate.release();
    });
  }

  async #send(original: Fetch, url: string, method?: string, headers?: unknown, body?: unknown): Promise<unknown> {
    // A fetch without a throttle grant (rate limiting off, or ccxt's own throttle) still waits out pauses and slots.
    if (this.#granted.shift() === undefined) await this.#gate.enter(0);
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.#gate.release();
    };
    const stall = setTimeout(release, this.config.stallMs);
    try {
      return await this.#sendNow(original, url, method, headers, body);
    } finally {
      clearTimeout(stall);
      release();
    }
  }

  async #sendNow(original: Fetch, url: string, method?: string, headers?: unknown, body?: unknown): Promise<unknown> {
    const t0 = Date.now();
    const started = performance.now();
    try {
      const out = await original(url, method, headers, body);
      if (typeof out === 'string' && /^\s*[[{]/.test(out)) {
        throw new BadResponseError(`${this.exchange.id} answered malformed JSON: "${out.slice(0, 80)}"`, {
          retryable: true,
          details: { exchange: this.exchange.id },
        });
      }
      this.#record(t0, performance.now() - started);
      return out;
    } catch (e) {
      const headersIn = (this.exchange.last_response_headers ?? {}) as Record<string, string | undefined>;
      const status = httpStatusOf(e);
      const err = mapCcxtError(e, { exchange: this.exchange.id });
      this.#record(t0, performance.now() - started, err.code);
      if (err.code === 'RATE_LIMITED') this.#pauseFor(e, status, headersIn);
      throw e;
    }
  }

  #pauseFor(error: unknown, status: number | undefined, headers: Record<string, string | undefined>): void {
    const now = Date.now();
    const retryAfter = headers['Retry-After'] ?? headers['retry-after'];
    const msg = error instanceof Error ? error.message : '';
    const banned = /banned until (\d{12,14})/.exec(msg);
    let until = 0;
    if (retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim())) until = now + Number(retryAfter) * 1000;
    else if (retryAfter !== undefined && !Number.isNaN(Date.parse(retryAfter))) until = Date.parse(retryAfter);
    if (banned !== null) until = Math.max(until, Number(banned[1]));
    if (until === 0) until = now + this.config.defaultPauseMs;
    this.pauseUntil(until + this.config.pauseMarginMs, `HTTP ${status ?? '?'} rate limit`);
  }

  #record(at: number, ms: number, code?: SextantError['code']): void {
    this.#usage.record(at, ms, code);
    this.#events.emit('request', {
      target: this.exchange.id,
      key: this.#key,
      ms,
      ok: code === undefined,
      ...(code === undefined ? {} : { code }),
    });
  }
}
