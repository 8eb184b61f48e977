import type { ErrorCode } from '@sextant/core';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const LATENCY_SAMPLES = 1000;

/**
 * Rolling request counts (per-minute buckets for a day), error counts by
 * code and a latency sample window, for {@link UsageStats}.
 */
export class UsageCounter {
  readonly #buckets = new Float64Array(DAY_MINUTES);
  readonly #bucketMinute = new Float64Array(DAY_MINUTES).fill(-1);
  readonly #latency = new Float64Array(LATENCY_SAMPLES);
  #latencyCount = 0;
  total = 0;
  readonly errors: Partial<Record<ErrorCode, number>> = {};

  /**
   * Count one request.
   * @param at - when it was sent, ms
   * @param ms - its latency
   * @param code - the error code when it failed
   */
  record(at: number, ms: number, code?: ErrorCode): void {
    const minute = Math.floor(at / MINUTE);
    const i = minute % DAY_MINUTES;
    if (this.#bucketMinute[i] !== minute) {
      this.#bucketMinute[i] = minute;
      this.#buckets[i] = 0;
    }
    this.#buckets[i] = (this.#buckets[i] as number) + 1;
    this.total++;
    this.#latency[this.#latencyCount % LATENCY_SAMPLES] = ms;
    this.#latencyCount++;
    if (code !== undefined) this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  /**
   * Requests in the trailing `minutes` minutes (current minute included).
   * @param now - current time, ms
   * @param minutes - window length in minutes, 1..1440
   * @returns the count
   */
  count(now: number, minutes: number): number {
    const current = Math.floor(now / MINUTE);
    let n = 0;
    for (let m = current - minutes + 1; m <= current; m++) {
      const i = m % DAY_MINUTES;
      if (this.#bucketMinute[i] === m) n += this.#buckets[i] as number;
    }
    return n;
  }

  /**
   * Latency percentile over the sample window (nearest-rank).
   * @param p - percentile, 0..100
   * @returns ms, or 0 without samples
   */
  percentile(p: number): number {
    const n = Math.min(this.#latencyCount, LATENCY_SAMPLES);
    if (n === 0) return 0;
    const sorted = this.#latency.slice(0, n).sort();
    return sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number;
  }
}
