import { z } from 'zod';

/**
 * Config of an {@link ExchangeGuard}: retries, pauses and the circuit
 * breaker of one exchange instance.
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { ExchangeGuardConfigSchema } from '@sextant/collectors';
 * const config = parseWith(ExchangeGuardConfigSchema, { retries: 3 });
 * ```
 */
export const ExchangeGuardConfigSchema = z.object({
  /** Retries of a failed read (orders are never retried). @default 5 */
  retries: z.number().int().min(0).max(20).default(5),
  /** First backoff delay, ms; doubles each retry with jitter. @default 250 */
  minBackoffMs: z.number().min(0).default(250),
  /** Backoff cap, ms. @default 10000 */
  maxBackoffMs: z.number().min(0).default(10_000),
  /** Pause of the whole exchange after a 429/418 that carries no Retry-After, ms. @default 60000 */
  defaultPauseMs: z.number().min(0).default(60_000),
  /** Extra margin added to every Retry-After pause, ms. @default 5 */
  pauseMarginMs: z.number().min(0).default(5),
  /** Minimum spacing between the starts of two HTTP requests, ms, on top of the rate budget. @default 0 */
  minIntervalMs: z.number().min(0).default(0),
  /**
   * Pace requests by the guard instead of ccxt's throttle: the instance's
   * `throttle(cost)` is replaced by the guard's gate, which spends ccxt's
   * own token bucket (`rateLimit`, `tokenBucket.capacity`, each call's cost)
   * by request START times, counting time spent idle, waiting on a response
   * or parsing one. ccxt's throttle counts only while requests queue in it,
   * so a client that waits for each answer pays latency + parsing + the
   * interval per request (OHLCV collection in the collectors bench: 1.17-1.19x
   * of the rate-limit floor with ccxt's throttle, about 1.0x with the
   * guard's). Only when ccxt rate limiting
   * is on (`enableRateLimit`); a `rollingWindow` throttle is left to ccxt.
   * @default true
   */
  pace: z.boolean().default(true),
  /**
   * HTTP requests in flight at once. 1 guarantees that no request leaves
   * while another one's 429/418 answer is still on its way, so nothing is
   * ever sent inside a Retry-After window. It also means each request
   * waits for the previous answer: once the round trip exceeds a request's
   * share of the rate budget (20 ms per Binance klines page) the round trip
   * sets the pace. About `round trip / share + 1` keeps collection at the
   * budget, at the risk that a request sent just before a 429 arrives lands
   * inside its window. @default 1
   */
  maxInFlight: z.number().int().min(1).max(100).default(1),
  /**
   * A request still unanswered after this long stops holding its in-flight
   * slot, so one hung request (slow, heading for a timeout) does not stall
   * the exchange; 429s are answered at once, so this barely weakens the
   * Retry-After guarantee. @default 1000
   */
  stallMs: z.number().int().min(1).default(1000),
  /** Consecutive failures that open the circuit. @default 10 */
  circuitThreshold: z.number().int().min(1).default(10),
  /** How long the circuit stays open before a probe, ms. @default 30000 */
  circuitCooldownMs: z.number().min(0).default(30_000),
});

/** What users write for an {@link ExchangeGuard} (every field optional). */
export type ExchangeGuardConfig = z.input<typeof ExchangeGuardConfigSchema>;
