/**
 * Trading states, least to most restrictive: `ACTIVE` (all orders),
 * `REDUCING` (only orders that reduce a position), `HALTED` (no new orders).
 *
 * @example
 * ```ts
 * import { TRADING_STATES } from '@sextant/risk';
 * TRADING_STATES.includes('HALTED'); // true
 * ```
 */
export const TRADING_STATES = ['ACTIVE', 'REDUCING', 'HALTED'] as const;

/** `'ACTIVE' | 'REDUCING' | 'HALTED'`. */
export type TradingState = (typeof TRADING_STATES)[number];

/** One tripped breaker. */
export interface Breaker {
  /** Breaker name: `daily-loss`, `max-drawdown`, `stop-loss-cooldown`, `kill-switch`, `manual`. */
  name: string;
  /** State it imposes. */
  state: Exclude<TradingState, 'ACTIVE'>;
  /** Why it tripped, quoting the numbers. */
  reason: string;
  /** When it tripped, ms UTC. */
  since: number;
  /** When it ends by itself, ms UTC; `null` = only by hand (`resume`). */
  until: number | null;
}

/** A state change, for logs and events. */
export interface TradingStateChange {
  /** State before. */
  from: TradingState;
  /** State after. */
  to: TradingState;
  /** Why (the breaker's reason, a cooldown ending, a manual resume). */
  reason: string;
  /** When, ms UTC (candle time). */
  at: number;
}

/**
 * Trading state from a set of breakers: the state is the most restrictive of
 * the tripped breakers, `ACTIVE` when none. A breaker with `until` ends by
 * itself once the clock (candle time) passes it; one with `until: null` ends
 * only through {@link TradingStateMachine.resume}.
 *
 * @example
 * ```ts
 * import { TradingStateMachine } from '@sextant/risk';
 * const sm = new TradingStateMachine();
 * sm.trip({ name: 'daily-loss', state: 'HALTED', reason: 'lost 5%', since: 0, until: 86_400_000 });
 * sm.update(86_400_000); sm.state; // 'ACTIVE'
 * ```
 */
export class TradingStateMachine {
  readonly #breakers = new Map<string, Breaker>();
  readonly #history: TradingStateChange[] = [];

  /** The current state. */
  get state(): TradingState {
    let s: TradingState = 'ACTIVE';
    for (const b of this.#breakers.values()) if (rank(b.state) > rank(s)) s = b.state;
    return s;
  }

  /** Tripped breakers now. */
  get breakers(): readonly Breaker[] {
    return [...this.#breakers.values()];
  }

  /** Every state change so far, oldest first. */
  get history(): readonly TradingStateChange[] {
    return this.#history;
  }

  /** Copies of the tripped breakers and the history, for a restart. */
  snapshot(): { breakers: Breaker[]; history: TradingStateChange[] } {
    return { breakers: this.breakers.map((b) => ({ ...b })), history: this.#history.map((h) => ({ ...h })) };
  }

  /**
   * Replace breakers and history with a {@link TradingStateMachine.snapshot}.
   *
   * @param state - breakers and history
   */
  restore(state: { breakers: readonly Breaker[]; history: readonly TradingStateChange[] }): void {
    this.#breakers.clear();
    for (const b of state.breakers) this.#breakers.set(b.name, { ...b });
    this.#history.length = 0;
    for (const h of state.history) this.#history.push({ ...h });
  }

  /** Whether a breaker of this name is tripped. */
  has(name: string): boolean {
    return this.#breakers.has(name);
  }

  /**
   * Trip (or re-trip) a breaker.
   *
   * @param breaker - name, imposed state, reason, start and end (null = manual)
   */
  trip(breaker: Breaker): void {
    this.#change(() => this.#breakers.set(breaker.name, breaker), breaker.reason, breaker.since);
  }

  /**
   * End breakers whose `until` has passed.
   *
   * @param now - current (candle) time, ms UTC
   * @returns names of the breakers that ended
   */
  update(now: number): string[] {
    const ended: string[] = [];
    for (const b of this.#breakers.values()) if (b.until !== null && now >= b.until) ended.push(b.name);
    if (ended.length > 0) {
      this.#change(() => this.#deleteAll(ended), `cooldown over: ${ended.join(', ')}`, now);
    }
    return ended;
  }

  /**
   * End breakers by hand.
   *
   * @param now - current time, ms UTC
   * @param name - the breaker to end. @default every breaker
   * @returns names of the breakers that ended
   */
  resume(now: number, name?: string): string[] {
    const ended = name === undefined ? [...this.#breakers.keys()] : this.#breakers.has(name) ? [name] : [];
    this.#change(() => this.#deleteAll(ended), `resumed by hand: ${ended.join(', ')}`, now);
    return ended;
  }

  #deleteAll(names: readonly string[]): void {
    for (const n of names) this.#breakers.delete(n);
  }

  #change(fn: () => void, reason: string, at: number): void {
    const from = this.state;
    fn();
    const to = this.state;
    if (from !== to) this.#history.push({ from, to, reason, at });
  }
}

function rank(s: TradingState): number {
  return TRADING_STATES.indexOf(s);
}
