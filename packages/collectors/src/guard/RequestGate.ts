/** The rate budget of a {@link RequestGate}: a token bucket in ccxt's cost units. */
export interface RateBudget {
  /** Cost units regained per ms (ccxt's `tokenBucket.refillRate`, `1 / rateLimit`). */
  refillPerMs: number;
  /** Most cost units the bucket holds after idling (ccxt's `tokenBucket.capacity`). */
  capacity: number;
}

/** Options of a {@link RequestGate}. */
export interface RequestGateOptions {
  /** Requests holding a slot at once. */
  maxInFlight: number;
  /** Minimum spacing between two request starts, ms. */
  minIntervalMs: number;
  /**
   * Spacing of the requests a pause held back, ms, when they carry no cost
   * (they were paced before the gate, e.g. by ccxt's own throttle, and would
   * otherwise leave together when it ends).
   */
  afterPauseMs: number;
  /** The rate budget now, or undefined for none (read at every decision). */
  budget: () => RateBudget | undefined;
  /** The end of the exchange's pause (ms since the epoch), 0 when none (read at every decision). */
  pausedUntil: () => number;
}

/** A refill rate this high (ccxt's `rateLimit` 0 gives `Number.MAX_VALUE`) means no budget. */
const UNLIMITED = 1e9;

interface Waiter {
  cost: number;
  resolve: () => void;
}

/**
 * Decides when each HTTP request of one exchange may start, in arrival
 * order: never while the exchange is paused, never beyond `maxInFlight`
 * slots, and never beyond the rate budget, paced by START times.
 *
 * The budget is ccxt's leaky bucket (a request may start once the bucket
 * is not in debt; it then pays its cost), kept in virtual time: the bucket
 * refills from the clock, so time spent idle, waiting on a response or
 * parsing one counts, and a late timer is made up by the next request
 * instead of adding up. ccxt's own throttler measures only while its
 * queue is non-empty and polls every millisecond, so a client that waits
 * for each answer pays latency + parsing + the interval per request.
 * After a pause the bucket restarts empty, so requests held by the pause
 * leave at the budget's pace, not in a burst.
 */
export class RequestGate {
  readonly #options: RequestGateOptions;
  readonly #queue: Waiter[] = [];
  #inFlight = 0;
  #tokens = 0;
  #tokensAt = performance.now();
  #lastStart = Number.NEGATIVE_INFINITY;
  #pauseSettled = 0;
  /** Requests held by the last pause still to leave at `afterPauseMs` spacing. */
  #held = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** @param options - slots, spacing, budget and pause sources */
  constructor(options: RequestGateOptions) {
    this.#options = options;
  }

  /** Requests holding a slot. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Wait for a slot; the caller must {@link RequestGate.release} it once.
   * @param cost - rate budget units this request spends (0 for none)
   * @returns when the request may start
   */
  enter(cost: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#queue.push({ cost, resolve });
      this.#pump();
    });
  }

  /** Give a slot back. */
  release(): void {
    this.#inFlight--;
    this.#pump();
  }

  #pump(): void {
    if (this.#timer !== undefined) return;
    for (let head = this.#queue[0]; head !== undefined; head = this.#queue[0]) {
      if (this.#inFlight >= this.#options.maxInFlight) return;
      const wait = this.#wait();
      if (wait > 0) {
        this.#timer = setTimeout(
          () => {
            this.#timer = undefined;
            this.#pump();
          },
          Math.max(1, Math.ceil(wait)),
        );
        return;
      }
      this.#queue.shift();
      if (this.#held > 0) this.#held--;
      this.#inFlight++;
      this.#tokens -= head.cost;
      this.#lastStart = performance.now();
      head.resolve();
    }
  }

  /** ms until the head may start (<= 0: now). Brings the bucket up to date. */
  #wait(): number {
    const pausedUntil = this.#options.pausedUntil();
    const paused = pausedUntil - Date.now();
    if (paused > 0) return paused;
    const now = performance.now();
    const budget = this.#options.budget();
    const unlimited = budget === undefined || !(budget.refillPerMs > 0 && budget.refillPerMs < UNLIMITED);
    if (unlimited) {
      this.#tokens = 0;
    } else {
      this.#tokens = Math.min(budget.capacity, this.#tokens + (now - this.#tokensAt) * budget.refillPerMs);
    }
    this.#tokensAt = now;
    if (pausedUntil > this.#pauseSettled) {
      this.#pauseSettled = pausedUntil;
      this.#tokens = Math.min(this.#tokens, 0);
      this.#held = this.#queue.length;
    }
    const debt = unlimited || this.#tokens >= 0 ? 0 : -this.#tokens / budget.refillPerMs;
    const spacing = Math.max(this.#options.minIntervalMs, this.#held > 0 ? this.#options.afterPauseMs : 0);
    return Math.max(debt, this.#lastStart + spacing - now);
  }
}
