import { QuotaExceededError } from '../errors/QuotaExceededError.js';

/**
 * API keys rotated round-robin, each with its own requests-per-minute
 * budget (sliding 60 s window) and an optional pause (after a 429), all
 * sharing one monthly cap. Keys are referred to by index and label
 * (`key#1`), never by value.
 *
 * @example
 * ```ts
 * import { KeyPool } from '@sextant/collectors';
 * const pool = new KeyPool(process.env.CG_KEYS?.split(',') ?? [], 500, 500_000, 0);
 * const slot = pool.take(Date.now()); // { index, key } or { waitMs }
 * ```
 */
export class KeyPool {
  readonly #keys: readonly string[];
  readonly #rpm: number;
  readonly #cap: number;
  readonly #sent: number[][];
  readonly #pausedUntil: number[];
  #next = 0;
  #month = '';
  #used: number;

  /**
   * @param keys - the keys (an empty array means keyless use, one budget)
   * @param rpm - per-key requests per minute
   * @param cap - shared monthly cap
   * @param used - requests already used this month
   */
  constructor(keys: readonly string[], rpm: number, cap: number, used: number) {
    this.#keys = keys.length === 0 ? [''] : keys;
    this.#rpm = rpm;
    this.#cap = cap;
    this.#used = used;
    this.#sent = this.#keys.map(() => []);
    this.#pausedUntil = this.#keys.map(() => 0);
  }

  /** Requests counted against the cap this month. */
  get used(): number {
    return this.#used;
  }

  /** Label of key `i`, safe for logs. */
  label(i: number): string {
    return this.#keys[i] === '' ? 'keyless' : `key#${i + 1}`;
  }

  /** Requests sent with key `i` in the 60 s before `now`. */
  inLastMinute(i: number, now: number): number {
    return (this.#sent[i] ?? []).filter((t) => t > now - 60_000).length;
  }

  /**
   * Take a request slot.
   * @param now - current time, ms
   * @returns `{ index, key }` of a key with budget left, or `{ waitMs }` until one frees up
   * @throws QuotaExceededError when the monthly cap is reached
   */
  take(now: number): { index: number; key: string } | { waitMs: number } {
    const month = new Date(now).toISOString().slice(0, 7);
    if (this.#month !== month) {
      if (this.#month !== '') this.#used = 0;
      this.#month = month;
    }
    if (this.#used >= this.#cap) {
      const d = new Date(now);
      const resetsAt = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      throw new QuotaExceededError(`Monthly cap of ${this.#cap} requests reached (${this.#used} used) for ${month}`, {
        details: { cap: this.#cap, used: this.#used, resetsAt },
      });
    }
    let wait = Number.POSITIVE_INFINITY;
    for (let k = 0; k < this.#keys.length; k++) {
      const i = (this.#next + k) % this.#keys.length;
      const sent = this.#sent[i] as number[];
      while (sent.length > 0 && (sent[0] as number) <= now - 60_000) sent.shift();
      const paused = (this.#pausedUntil[i] as number) - now;
      const full = sent.length >= this.#rpm ? (sent[0] as number) + 60_000 - now : 0;
      const w = Math.max(paused, full, 0);
      if (w === 0) {
        sent.push(now);
        this.#used++;
        this.#next = (i + 1) % this.#keys.length;
        return { index: i, key: this.#keys[i] as string };
      }
      wait = Math.min(wait, w);
    }
    return { waitMs: wait };
  }

  /**
   * Rest key `i` until `until` (it answered 429).
   * @param i - key index
   * @param until - ms since the epoch
   */
  pause(i: number, until: number): void {
    this.#pausedUntil[i] = Math.max(this.#pausedUntil[i] ?? 0, until);
  }
}
