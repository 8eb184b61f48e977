/** A sum that lost this share of a leaving value is recomputed (its residue would dominate). */
const CANCELLATION = 1e-6;

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

  /**
   * Add a value, dropping the oldest when full. When a value leaving a sum
   * dwarfs what remains (a spike leaving the window), the running sums are
   * recomputed from the values held: otherwise the rounding residue of the
   * spike would stay in them (a mean of -1e-17 over values that are all >= 0).
   */
  push(v: number): void {
    const cap = this.#values.length;
    let cancelled = false;
    if (this.#count >= this.#recent) {
      // the value leaving the recent window
      const out = this.#values[(this.#head - this.#recent + cap) % cap]!;
      this.#recentSum -= out;
      cancelled = Math.abs(this.#recentSum) < Math.abs(out) * CANCELLATION;
    }
    if (this.#count === cap) {
      const out = this.#values[this.#head]!;
      this.#sum -= out;
      cancelled ||= Math.abs(this.#sum) < Math.abs(out) * CANCELLATION;
    } else this.#count++;
    this.#values[this.#head] = v;
    this.#head = (this.#head + 1) % cap;
    this.#sum += v;
    this.#recentSum += v;
    if (cancelled) this.#resum();
  }

  /** Recompute both sums from the values held (oldest first, as they were added). */
  #resum(): void {
    const cap = this.#values.length;
    const start = (this.#head - this.#count + cap) % cap;
    let sum = 0;
    let recentSum = 0;
    const firstRecent = this.#count - Math.min(this.#count, this.#recent);
    for (let k = 0; k < this.#count; k++) {
      const x = this.#values[(start + k) % cap]!;
      sum += x;
      if (k >= firstRecent) recentSum += x;
    }
    this.#sum = sum;
    this.#recentSum = recentSum;
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
