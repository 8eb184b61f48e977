import type { Clock } from './Clock.type.js';

/**
 * The wall clock: `Date.now()` and real timers. An aborted sleep resolves
 * early rather than rejecting, so a stopping bot never throws.
 *
 * @example
 * ```ts
 * import { LiveClock } from '@sextant/core';
 * const clock = new LiveClock();
 * await clock.sleep(1000);
 * ```
 */
export class LiveClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
