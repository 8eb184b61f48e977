import { CircuitOpenError } from '../errors/CircuitOpenError.js';

/** State of a {@link CircuitBreaker}. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker: opens after `threshold` consecutive failures, fails
 * calls fast for `cooldownMs`, then lets one probe through (half-open);
 * the probe's success closes it, its failure re-opens it.
 *
 * @example
 * ```ts
 * import { CircuitBreaker } from '@sextant/collectors';
 * const breaker = new CircuitBreaker({ target: 'kraken', threshold: 5, cooldownMs: 30_000 });
 * breaker.admit(); // throws CircuitOpenError while open
 * try { await call(); breaker.success(); } catch (e) { breaker.failure(); throw e; }
 * ```
 */
export class CircuitBreaker {
  readonly #target: string;
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #onChange: (s: CircuitState) => void;
  readonly #now: () => number;
  #failures = 0;
  #state: CircuitState = 'closed';
  #openUntil = 0;
  #probing = false;

  /**
   * @param options - target name, failure threshold, cooldown, change listener, clock
   */
  constructor(options: {
    target: string;
    threshold: number;
    cooldownMs: number;
    onChange?: (s: CircuitState) => void;
    now?: () => number;
  }) {
    this.#target = options.target;
    this.#threshold = options.threshold;
    this.#cooldownMs = options.cooldownMs;
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** Current state. */
  get state(): CircuitState {
    return this.#state;
  }

  /**
   * Ask to make a call.
   * @returns true when the call is the half-open probe
   * @throws CircuitOpenError while open (or while another probe runs)
   */
  admit(): boolean {
    if (this.#state === 'closed') return false;
    if (this.#state === 'open' && this.#now() >= this.#openUntil) this.#set('half-open');
    if (this.#state === 'half-open' && !this.#probing) {
      this.#probing = true;
      return true;
    }
    throw new CircuitOpenError(this.#target, Math.max(this.#openUntil, this.#now() + 1));
  }

  /** Record a successful call. */
  success(): void {
    this.#failures = 0;
    this.#probing = false;
    if (this.#state !== 'closed') this.#set('closed');
  }

  /** Record a failed call (only failures that say the remote side is unwell should count). */
  failure(): void {
    this.#failures++;
    const wasProbe = this.#probing;
    this.#probing = false;
    if (wasProbe || (this.#state === 'closed' && this.#failures >= this.#threshold)) {
      this.#openUntil = this.#now() + this.#cooldownMs;
      this.#set('open');
    }
  }

  #set(s: CircuitState): void {
    this.#state = s;
    this.#onChange(s);
  }
}
