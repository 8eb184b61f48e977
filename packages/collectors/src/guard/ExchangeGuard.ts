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
import { UsageCounter } from './UsageCounter.js';
import type { UsageStats } from './UsageStats.type.js';

const GUARD = Symbol.for('@sextant/collectors/ExchangeGuard');
type Fetch = (url: string, method?: string, headers?: unknown, body?: unknown) => Promise<unknown>;
type Guarded = Exchange & { [GUARD]?: ExchangeGuard };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The fault layer of one ccxt exchange instance, shared by every collector
 * using it: retries reads with capped exponential backoff and jitter
 * (p-retry), pauses the WHOLE exchange on 429/418 until the Retry-After (or
 * ban) expires, opens a circuit breaker after N consecutive failures, and
 * counts usage (requests per minute/hour/day, errors by code, latency
 * p50/p95) as {@link UsageStats} and {@link GuardEvents}.
 *
 * It hooks the instance's low-level `fetch` (after ccxt's throttle, just
 * before the socket), so every HTTP request, including ones ccxt makes on
 * its own such as `loadMarkets`, waits out a pause and is counted. Use
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
  #pausedUntil = 0;
  #pauses = 0;
  #retries = 0;
  #nextSlot = 0;
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];

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
    const original = (exchange.fetch as Fetch).bind(exchange);
    (exchange as unknown as { fetch: Fetch }).fetch = (url, method, headers, body) =>
      this.#send(original, url, method, headers, body);
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

  async #acquire(): Promise<void> {
    if (this.#inFlight < this.config.maxInFlight) {
      this.#inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#inFlight--;
    else next();
  }

  async #gate(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const wait = Math.max(this.#pausedUntil, this.#nextSlot) - now;
      if (wait <= 0) break;
      const afterPause = this.#pausedUntil > now;
      await sleep(wait);
      // Requests released by the end of a pause leave one ccxt rate unit apart.
      if (afterPause)
        this.#nextSlot = Math.max(this.#nextSlot, Date.now()) + Math.max(1, Number(this.exchange.rateLimit ?? 0));
    }
    this.#nextSlot = Math.max(this.#nextSlot, Date.now() + this.config.minIntervalMs);
  }

  async #send(original: Fetch, url: string, method?: string, headers?: unknown, body?: unknown): Promise<unknown> {
    await this.#acquire();
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.#release();
    };
    let stall: ReturnType<typeof setTimeout> | undefined;
    try {
      await this.#gate();
      stall = setTimeout(release, this.config.stallMs);
      return await this.#sendNow(original, url, method, headers, body);
    } finally {
      if (stall !== undefined) clearTimeout(stall);
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
