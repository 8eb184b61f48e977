import type { ErrorCode } from '@sextant/core';

/** API usage of one exchange (or API) and key, as counted by a guard. */
export interface UsageStats {
  /** Exchange or API id, e.g. `binance`, `coingecko`. */
  target: string;
  /** Key label (`public`, or a short hash of the key; never the key). */
  key: string;
  /** HTTP requests sent in the trailing minute, hour and day, and in total. */
  requests: { minute: number; hour: number; day: number; total: number };
  /** Failed requests by Sextant error code. */
  errors: Partial<Record<ErrorCode, number>>;
  /** Request latency over the last 1000 requests, ms. */
  latencyMs: { p50: number; p95: number };
  /** Retries made by guarded reads. */
  retries: number;
  /** Times the whole exchange was paused for a Retry-After or ban. */
  pauses: number;
  /** Paused until this time (ms since the epoch), or 0. */
  pausedUntil: number;
  /** Circuit breaker state. */
  circuit: 'closed' | 'open' | 'half-open';
}
