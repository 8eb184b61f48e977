/**
 * A fixed-capacity ring of numbers with a running sum, oldest first: O(1)
 * push, O(1) mean of the whole window or of its newest `k` values via a
 * second running sum. Internal to the adaptive thresholds.
 */
export class RollingWindow {
  readonly #values: Float64Array;
  readonly #recent: number;
  #head = 0;
  #count = 0;
  #sum = 0;
  #recentSum = 0;

  /**
   * @param capacity - values kept
   * @param recent - size of the "recent" sub-window (newest values), <= capacity
   */
  constructor(capacity: number, recent: number) {
    this.#values = new Float64Array(capacity);
    this.#recent = Math.min(recent, capacity);
  }

  /** Values held. */
  get length(): number {
    return this.#count;
  }

  /** Add a value, dropping the oldest when full. */
  push(v: number): void {
    const cap = this.#values.length;
    if (this.#count >= this.#recent) {
      // the value leaving the recent window
      this.#recentSum -= this.#values[(this.#head - this.#recent + cap) % cap]!;
    }
    if (this.#count === cap) this.#sum -= this.#values[this.#head]!;
    else this.#count++;
    this.#values[this.#head] = v;
    this.#head = (this.#head + 1) % cap;
    this.#sum += v;
    this.#recentSum += v;
  }

  /** Mean of every value held (NaN when empty). */
  mean(): number {
    return this.#sum / this.#count;
  }

  /** Mean of the newest `recent` values (or of all when fewer; NaN when empty). */
  recentMean(): number {
    return this.#recentSum / Math.min(this.#count, this.#recent);
  }
}
