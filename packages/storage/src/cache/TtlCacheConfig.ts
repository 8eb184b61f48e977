import { z } from 'zod';

/**
 * Suggested TTLs for collector answers, ms: FX rates and market lists change
 * slowly (1 h); prices go stale in seconds (15 s, within the 10-30 s band).
 */
export const CACHE_TTL_PRESETS = {
  /** FX rates (fiat conversion): 1 h. */
  fxRate: 3_600_000,
  /** Ticker prices: 15 s. */
  price: 15_000,
  /** Exchange market lists (`loadMarkets`): 1 h. */
  markets: 3_600_000,
} as const;

/**
 * Configuration of a {@link TtlCache}. `z.input` is what callers write,
 * `z.output` the resolved config with defaults.
 */
export const TtlCacheConfigSchema = z.object({
  /** Most entries kept; the least recently used are evicted beyond it. @default 10000 */
  max: z.int().min(1).max(10_000_000).default(10_000),
  /** Default time to live of an entry, ms (override per call). @default 15000 */
  ttlMs: z.int().min(1).default(CACHE_TTL_PRESETS.price),
  /** How long past its TTL a value may still be served, marked stale, when the source fails, ms. @default 86400000 */
  staleIfErrorMs: z.int().min(0).default(86_400_000),
});

/** Resolved {@link TtlCacheConfigSchema}. */
export type TtlCacheConfig = z.output<typeof TtlCacheConfigSchema>;

/** {@link TtlCacheConfigSchema} as callers write it. */
export type TtlCacheConfigInput = z.input<typeof TtlCacheConfigSchema>;
