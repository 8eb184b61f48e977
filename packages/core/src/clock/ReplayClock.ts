import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { Clock } from './Clock.type.js';

/**
 * A clock moved by hand: a replay sets it to each candle's close. It only
 * moves forward; `sleep` advances it instead of waiting.
 *
 * @example
 * ```ts
 * import { ReplayClock } from '@sextant/core';
 * const clock = new ReplayClock(Date.UTC(2018, 0, 10));
 * clock.set(Date.UTC(2018, 0, 10, 0, 5));
 * ```
 */
export class ReplayClock implements Clock {
  #now: number;

  /** @param start - initial time, ms UTC (default 0) */
  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /**
   * Move the clock to `time`.
   * @throws InvalidArgumentError when `time` is earlier than now or not finite
   */
  set(time: number): void {
    if (!Number.isFinite(time) || time < this.#now) {
      throw new InvalidArgumentError(`ReplayClock only moves forward: ${time} is before ${this.#now}`);
    }
    this.#now = time;
  }

  async sleep(ms: number): Promise<void> {
    this.#now += Math.max(0, ms);
  }
}
