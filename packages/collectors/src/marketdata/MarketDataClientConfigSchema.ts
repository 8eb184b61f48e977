import { z } from 'zod';

/**
 * Config of a {@link MarketDataClient}. API keys are NOT part of it: pass
 * them as `keys` (from the environment), so they never reach a config error.
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { MarketDataClientConfigSchema } from '@sextant/collectors';
 * const config = parseWith(MarketDataClientConfigSchema, { rpmPerKey: 30 });
 * ```
 */
export const MarketDataClientConfigSchema = z.object({
  /** API base URL. @default `https://api.coingecko.com/api/v3` */
  baseUrl: z.url().default('https://api.coingecko.com/api/v3'),
  /** Header carrying the key. @default `x-cg-pro-api-key` */
  keyHeader: z.string().min(1).default('x-cg-pro-api-key'),
  /** Requests per minute allowed per key (or for keyless use). @default 500 */
  rpmPerKey: z.number().int().min(1).default(500),
  /** Requests per calendar month (UTC) shared by all keys. @default 500000 */
  monthlyCap: z.number().int().min(1).default(500_000),
  /** Requests already used this month (e.g. restored by the host). @default 0 */
  monthlyUsed: z.number().int().min(0).default(0),
  /** Connect timeout, ms. @default 5000 */
  connectTimeoutMs: z.number().int().min(1).default(5000),
  /** Read timeout, ms. @default 10000 */
  readTimeoutMs: z.number().int().min(1).default(10_000),
  /** Retries of a failed request. @default 3 */
  retries: z.number().int().min(0).max(10).default(3),
  /** First backoff delay, ms (doubles, with jitter). @default 500 */
  minBackoffMs: z.number().min(0).default(500),
  /** Backoff cap, ms. @default 8000 */
  maxBackoffMs: z.number().min(0).default(8000),
  /** A cached value this young is served without asking the API, ms. @default 30000 */
  freshMs: z.number().min(0).default(30_000),
  /** Cached values kept for the stale fallback. @default 1000 */
  cacheSize: z.number().int().min(1).default(1000),
  /** Wait for a key's minute budget to free up instead of failing with QUOTA_EXCEEDED. @default true */
  waitForBudget: z.boolean().default(true),
});

/** What users write for a {@link MarketDataClient}. */
export type MarketDataClientConfig = z.input<typeof MarketDataClientConfigSchema>;
