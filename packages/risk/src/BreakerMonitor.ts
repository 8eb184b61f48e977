import { formatPercent as pct, type PortfolioSnapshot } from '@sextant/core';
import type { ResolvedRiskConfig } from './RiskValidatorConfigSchema.js';
import {
  type Breaker,
  type TradingState,
  type TradingStateChange,
  TradingStateMachine,
} from './TradingStateMachine.js';

/** What a {@link BreakerMonitor} remembers (JSON-serialisable). */
export interface BreakerState {
  /** Tripped breakers. */
  breakers: Breaker[];
  /** Every state change so far. */
  history: TradingStateChange[];
  /** Times of the stop-losses counted towards the cooldown, ms UTC. */
  stopLosses: number[];
  /** Peak equity for the drawdown breaker, or null before any equity was seen. */
  peak: number | null;
  /** UTC day number and its first equity, for the daily-loss breaker. */
  day: { day: number; equity: number } | null;
  /** Latest time seen, ms UTC. */
  now: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The circuit breakers of a risk gate, driven by the portfolio's equity and
 * the stop-losses it sees, on candle time:
 * - daily loss: equity down `dailyLossLimitPct` (0 disables) from the first
 *   equity seen in the UTC day halts until the next UTC day;
 * - max drawdown: equity down `maxDrawdownPct` (0 disables) from its peak
 *   halts for `breakers.drawdownCooldownMinutes`, then the peak restarts from
 *   the equity at resumption;
 * - stop-loss cooldown: `stopLossCooldown.count` stop-losses within the
 *   lookback put the gate in REDUCING for the cooldown;
 * - kill switch and `breakers.resume: 'manual'`: only {@link BreakerMonitor.resume} ends them.
 * Losses are compared with a relative tolerance of 1e-12 so a loss of
 * exactly the limit trips it despite binary floating point.
 *
 * @example
 * ```ts
 * import { BreakerMonitor, RiskValidatorConfigSchema } from '@sextant/risk';
 * const breakers = new BreakerMonitor(RiskValidatorConfigSchema.parse({}));
 * breakers.observe(portfolio);
 * breakers.state; // 'ACTIVE' | 'REDUCING' | 'HALTED'
 * ```
 */
export class BreakerMonitor {
  readonly #config: Readonly<ResolvedRiskConfig>;
  readonly #states = new TradingStateMachine();
  #stopLosses: number[] = [];
  #peak = Number.NaN;
  #day: { day: number; equity: number } | undefined;
  #now = 0;

  /** @param config - resolved risk settings */
  constructor(config: Readonly<ResolvedRiskConfig>) {
    this.#config = config;
  }

  /** The trading state now. */
  get state(): TradingState {
    return this.#states.state;
  }

  /** Tripped breakers now. */
  get breakers(): readonly Breaker[] {
    return this.#states.breakers;
  }

  /** Every state change so far. */
  get history(): readonly TradingStateChange[] {
    return this.#states.history;
  }

  /** Latest time seen, ms UTC. */
  get now(): number {
    return this.#now;
  }

  /** Everything the breakers remember, serialisable (NaN peak as null), for a restart. */
  snapshot(): BreakerState {
    return {
      ...this.#states.snapshot(),
      stopLosses: [...this.#stopLosses],
      peak: Number.isNaN(this.#peak) ? null : this.#peak,
      day: this.#day === undefined ? null : { ...this.#day },
      now: this.#now,
    };
  }

  /**
   * Continue from a {@link BreakerMonitor.snapshot}.
   *
   * @param state - what a previous monitor remembered
   */
  restore(state: BreakerState): void {
    this.#states.restore(state);
    this.#stopLosses = [...state.stopLosses];
    this.#peak = state.peak ?? Number.NaN;
    this.#day = state.day === null ? undefined : { ...state.day };
    this.#now = state.now;
  }

  /**
   * Update the clock (ending expired breakers) and check equity against the
   * daily-loss and drawdown limits.
   *
   * @param p - the account now
   */
  observe(p: PortfolioSnapshot): void {
    const c = this.#config;
    const now = Math.max(this.#now, p.timestamp);
    this.#now = now;
    const ended = this.#states.update(now);
    if (ended.includes('max-drawdown')) this.#peak = Number.NaN;
    const day = Math.floor(now / DAY_MS);
    if (this.#day === undefined || this.#day.day !== day) this.#day = { day, equity: p.equity };
    if (!(this.#peak >= p.equity)) this.#peak = p.equity;
    const auto = c.breakers.resume === 'auto';
    const start = this.#day.equity;
    if (c.dailyLossLimitPct > 0 && !this.#states.has('daily-loss') && lost(start, p.equity, c.dailyLossLimitPct)) {
      this.#states.trip({
        name: 'daily-loss',
        state: 'HALTED',
        reason: `equity ${p.equity} is down ${pct((start - p.equity) / start)} from ${start} today, limit ${pct(c.dailyLossLimitPct)}`,
        since: now,
        until: auto ? (day + 1) * DAY_MS : null,
      });
    }
    const peak = this.#peak;
    if (c.maxDrawdownPct > 0 && !this.#states.has('max-drawdown') && lost(peak, p.equity, c.maxDrawdownPct)) {
      this.#states.trip({
        name: 'max-drawdown',
        state: 'HALTED',
        reason: `drawdown ${pct((peak - p.equity) / peak)} from peak ${peak}, limit ${pct(c.maxDrawdownPct)}`,
        since: now,
        until: auto ? now + c.breakers.drawdownCooldownMinutes * MINUTE_MS : null,
      });
    }
  }

  /**
   * Count a stop-loss exit; trips the cooldown at `stopLossCooldown.count` within the lookback.
   *
   * @param at - candle time of the stop, ms UTC
   */
  noteStopLoss(at: number): void {
    const { count, lookbackMinutes, cooldownMinutes } = this.#config.stopLossCooldown;
    if (count === 0) return;
    this.#stopLosses = this.#stopLosses.filter((t) => t > at - lookbackMinutes * MINUTE_MS);
    this.#stopLosses.push(at);
    if (this.#stopLosses.length >= count) {
      this.#states.trip({
        name: 'stop-loss-cooldown',
        state: 'REDUCING',
        reason: `${this.#stopLosses.length} stop-losses within ${lookbackMinutes} min`,
        since: at,
        until: at + cooldownMinutes * MINUTE_MS,
      });
      this.#stopLosses = [];
    }
  }

  /**
   * Halt until resumed by hand.
   *
   * @param reason - why
   * @param at - time, ms UTC (the later of it and the latest time seen)
   */
  kill(reason: string, at: number): void {
    this.#now = Math.max(this.#now, at);
    this.#states.trip({ name: 'kill-switch', state: 'HALTED', reason, since: this.#now, until: null });
  }

  /**
   * End breakers by hand; a resumed drawdown or daily-loss breaker restarts its reference equity.
   *
   * @param name - the breaker to end. @default all
   * @returns names of the breakers ended
   */
  resume(name?: string): string[] {
    const ended = this.#states.resume(this.#now, name);
    if (ended.includes('max-drawdown')) this.#peak = Number.NaN;
    if (ended.includes('daily-loss')) this.#day = undefined;
    return ended;
  }
}

function lost(reference: number, equity: number, limit: number): boolean {
  return reference - equity >= limit * reference * (1 - 1e-12);
}
