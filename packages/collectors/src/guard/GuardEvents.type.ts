import type { SextantError } from '@sextant/core';

/** Events of an {@link ExchangeGuard} (and the market-data client), by name. */
export interface GuardEvents {
  /** One HTTP request finished (ok or not). */
  request: { target: string; key: string; ms: number; ok: boolean; code?: string };
  /** A guarded read failed and will be retried after `delayMs`. */
  retry: { target: string; call: string; attempt: number; error: SextantError };
  /** The whole target is paused until `until` (Retry-After, ban). */
  pause: { target: string; until: number; reason: string };
  /** The circuit breaker changed state. */
  circuit: { target: string; state: 'closed' | 'open' | 'half-open' };
}
