import {
  type CandleEvent,
  type Candle,
  InvalidArgumentError,
  type MarketSnapshot,
  type OrderIntent,
  type PortfolioSnapshot,
  type RiskGate,
  type RiskVerdict,
  parseWith,
  timeframeToMs,
} from '@sextant/core';
import { BreakerMonitor } from './BreakerMonitor.js';
import { type CustomStop, ExitManager } from './ExitManager.js';
import type { ExitSignal } from './ExitSignal.type.js';
import { MarketHistory } from './MarketHistory.js';
import {
  type ResolvedRiskConfig,
  type RiskValidatorConfig,
  RiskValidatorConfigSchema,
} from './RiskValidatorConfigSchema.js';
import type { RuleContext, StopLevel } from './RuleContext.type.js';
import { type RiskState, RiskStateSchema } from './RiskStateSchema.js';
import type { Breaker, TradingState, TradingStateChange } from './TradingStateMachine.js';
import { validateEntry } from './validateEntry.js';
import { validateExit } from './validateExit.js';

/** Hooks and extras of a {@link RiskValidator} that are code, not config. */
export interface RiskValidatorOptions {
  /** Tighten a position's stop after each candle (e.g. a strategy's `customStop`). */
  customStop?: CustomStop;
}

/** Per-call options of {@link RiskValidator.exits}. */
export interface ExitsOptions {
  /** Candles of a finer timeframe covering this candle, oldest first, to order stop and target inside it. */
  finer?: readonly Candle[];
}

/** What the kill switch wants done: cancel every open order, close every position at market, stay halted. */
export interface KillSwitchPlan {
  /** Cancel every open order on these markets (all markets with a position or order). */
  cancelOpenOrders: true;
  /** Market sells closing every position, `reduceOnly`, reason `kill-switch`. */
  closeIntents: OrderIntent[];
  /** The state the validator is now in. */
  state: 'HALTED';
  /** Why. */
  reason: string;
}

/** Market regime label (see `marketRegime`). */
export type RegimeLabel = 'bullish' | 'neutral' | 'bearish';

/**
 * The risk gate every order passes (core's `RiskGate`): sizes entries and
 * answers approve, resize or reject, always with reasons, and proposes exits
 * on each candle. Rules, in order, for an entry: trading state (REDUCING and
 * HALTED refuse entries), minimum capital, max open positions, sizing (fixed
 * fraction, fixed risk to the stop, volatility-scaled or capped Kelly),
 * regime scaling, correlation with open positions, max position share, max
 * exposure, free cash (with a fee reserve), exchange precision and limits
 * with room to exit after a stop. Exits (sells) are capped at the position,
 * rounded to the amount step without leaving unsellable dust, and pass in any
 * state (unless `exitsWhenHalted: false`).
 *
 * Breakers, checked on every call from the portfolio's equity: daily loss
 * (from the first equity seen in the UTC day; 0 disables) halts until the
 * next UTC day, max drawdown from peak (0 disables) halts for
 * `breakers.drawdownCooldownMinutes` then resets the peak; with
 * `breakers.resume: 'manual'` both wait for {@link RiskValidator.resume}.
 * `stopLossCooldown.count` stop-losses within the lookback put the gate in
 * REDUCING for the cooldown. The kill switch halts until resumed by hand.
 *
 * @example
 * ```ts
 * import { RiskValidator } from '@sextant/risk';
 * const risk = new RiskValidator({ maxPositionPct: 0.15, maxExposurePct: 0.85, stopLossPct: 0.035 });
 * const verdict = risk.validate({ symbol: 'ETH/BTC', side: 'buy', type: 'market', reduceOnly: false, reason: 'entry' }, portfolio, { symbol: 'ETH/BTC', timestamp, price: 0.09 });
 * verdict.outcome; // 'approve' | 'resize' | 'reject'
 * ```
 */
export class RiskValidator implements RiskGate {
  /** Resolved, frozen settings. */
  readonly config: Readonly<ResolvedRiskConfig>;
  readonly #options: RiskValidatorOptions;
  readonly #breakers: BreakerMonitor;
  readonly #exits: ExitManager;
  readonly #history: MarketHistory;
  #regime: RegimeLabel = 'neutral';
  #regimeConfidence = 1;

  /**
   * @param config - core's risk config fields plus optional extras; all optional
   * @param options - code hooks (custom stop)
   * @throws ConfigError when a field is out of range or inconsistent (position cap above exposure cap)
   */
  constructor(config: RiskValidatorConfig = {}, options: RiskValidatorOptions = {}) {
    this.config = parseWith(RiskValidatorConfigSchema, config, 'risk config');
    this.#options = options;
    const c = this.config;
    this.#exits = new ExitManager({
      takeProfits: c.takeProfits,
      takeProfitPct: c.takeProfitPct,
      trailingStopPct: c.trailingStopPct,
      timeStopMs: c.timeStopHours * 3_600_000,
    });
    this.#history = new MarketHistory(Math.max(c.correlation.window, 20), c.stop.atrPeriod);
    this.#breakers = new BreakerMonitor(this.config);
  }

  /** The trading state now. */
  get state(): TradingState {
    return this.#breakers.state;
  }

  /** Tripped breakers now. */
  get breakers(): readonly Breaker[] {
    return this.#breakers.breakers;
  }

  /** Every trading-state change so far. */
  get stateHistory(): readonly TradingStateChange[] {
    return this.#breakers.history;
  }

  /**
   * Size and check an intent.
   *
   * @param intent - what the bot wants to do
   * @param portfolio - the account now
   * @param market - the market now (price; volatility and volume when known)
   * @returns approve / resize / reject, with the sized intent and reasons
   * @throws InvalidArgumentError when the price, equity or cash is not finite, or an intent amount is not positive
   */
  validate(intent: OrderIntent, portfolio: PortfolioSnapshot, market: MarketSnapshot): RiskVerdict {
    checkInputs(intent, portfolio, market);
    this.#breakers.observe(portfolio);
    const ctx = this.#context();
    return intent.side === 'sell'
      ? validateExit(ctx, intent, portfolio, market)
      : validateEntry(ctx, intent, portfolio, market);
  }

  /**
   * Exit intents for the position in this candle's market (stop-loss,
   * take-profits, trailing stop, time stop). Call once per closed candle of
   * every market, in order: it also feeds the history behind ATR stops,
   * volatility sizing and correlation.
   *
   * @param portfolio - the account after this candle's fills
   * @param event - the closed candle
   * @param options - finer candles to order stop and target inside this one
   * @returns market sell intents, `reduceOnly`, reason `exit:<kind>`
   */
  exits(portfolio: PortfolioSnapshot, event: CandleEvent, options: ExitsOptions = {}): OrderIntent[] {
    return this.exitSignals(portfolio, event, options).map((s) => ({
      symbol: s.symbol,
      side: 'sell',
      type: 'market',
      amount: s.amount,
      reduceOnly: true,
      reason: s.kind === 'take-profit' ? `exit:take-profit-${s.level}` : `exit:${s.kind}`,
    }));
  }

  /**
   * Like {@link RiskValidator.exits} but returns the detailed signals (kind, level, trigger price).
   *
   * @param portfolio - the account after this candle's fills
   * @param event - the closed candle
   * @param options - finer candles
   * @returns exit signals in trigger order
   */
  exitSignals(portfolio: PortfolioSnapshot, event: CandleEvent, options: ExitsOptions = {}): ExitSignal[] {
    this.#breakers.observe(portfolio);
    const position = portfolio.positions[event.symbol];
    if (position === undefined || !(position.amount > 0)) {
      this.#exits.close(event.symbol);
      this.#history.observe(event);
      return [];
    }
    // The stop is set from what was known when the position opened, before this candle.
    if (!this.#exits.isTracking(position)) {
      // Picked up after it opened (a restart): resume the ladder from the high
      // reached before this candle: the watermark when it predates this candle,
      // else this candle's open (the previous close, barring a gap).
      const { candle } = event;
      const resumed = position.openedAt < candle.timestamp;
      const priorHigh = !resumed
        ? position.entryPrice
        : candle.high < position.highWatermark
          ? position.highWatermark
          : Math.min(position.highWatermark, candle.open);
      this.#exits.open(position, this.initialStop(event.symbol, position.entryPrice).price, priorHigh);
    }
    this.#history.observe(event);
    const signals = this.#exits.evaluate(
      position,
      event.candle,
      timeframeToMs(event.timeframe),
      options.finer,
      this.#options.customStop,
    );
    for (const s of signals) if (s.kind === 'stop-loss') this.#breakers.noteStopLoss(s.timestamp);
    return signals;
  }

  /**
   * The stop for a new position at `price`: `stopLossPct` below it, or
   * `stop.atrMultiplier` ATRs below it once ATR is known (fixed until then).
   *
   * @param symbol - market
   * @param price - entry price
   * @returns the stop price and how it was set
   */
  initialStop(symbol: string, price: number): StopLevel {
    const c = this.config;
    const atr = c.stop.method === 'atr' ? this.#history.atr(symbol) : undefined;
    if (atr !== undefined && price - c.stop.atrMultiplier * atr > 0) {
      return { price: price - c.stop.atrMultiplier * atr, how: `${c.stop.atrMultiplier} x ATR ${atr.toPrecision(4)}` };
    }
    return { price: price * (1 - c.stopLossPct), how: `${(c.stopLossPct * 100).toFixed(2)}% below entry` };
  }

  /**
   * Kill switch: halt (until resumed by hand) and plan the cancellation of every
   * open order and a market close of every position. To carry it out end to
   * end (halt, cancel every working order, close at market, with a report),
   * pass this validator to `executeKillSwitch({ risk, broker, timeframe })`
   * from `@sextant/execution`.
   *
   * @param portfolio - the account now
   * @param reason - why. @default 'kill switch'
   * @returns what the host/broker must do
   */
  killSwitch(portfolio: PortfolioSnapshot, reason = 'kill switch'): KillSwitchPlan {
    this.#breakers.kill(reason, portfolio.timestamp);
    const closeIntents: OrderIntent[] = Object.values(portfolio.positions)
      .filter((p) => p.amount > 0)
      .map((p) => ({
        symbol: p.symbol,
        side: 'sell',
        type: 'market',
        amount: p.amount,
        reduceOnly: true,
        reason: 'kill-switch',
      }));
    return { cancelOpenOrders: true, closeIntents, state: 'HALTED', reason };
  }

  /**
   * End breakers by hand (the only way out of manual-resume breakers and the kill switch).
   *
   * @param name - the breaker to end. @default all
   * @returns names of the breakers ended
   */
  resume(name?: string): string[] {
    return this.#breakers.resume(name);
  }

  /**
   * Everything the gate remembers beyond its config: breakers and their
   * references (peak, day start, stop-loss times), trading-state history, the
   * regime and each position's place on its exit ladder. Persist it (e.g.
   * with the bot's state store) and {@link RiskValidator.restore} it after a
   * restart so breakers stay tripped and no take-profit is sold twice. The
   * candle history behind ATR and correlation is not included: it warms up
   * again from the candles.
   *
   * @returns a JSON-serialisable copy
   */
  snapshot(): RiskState {
    return {
      version: 1,
      regime: this.#regime,
      regimeConfidence: this.#regimeConfidence,
      breakers: this.#breakers.snapshot(),
      exits: this.#exits.snapshot(),
    };
  }

  /**
   * Continue from a {@link RiskValidator.snapshot}.
   *
   * @param state - a snapshot, e.g. parsed from JSON
   * @throws ConfigError when the state does not match {@link RiskStateSchema} (a corrupt store)
   */
  restore(state: unknown): void {
    const s = parseWith(RiskStateSchema, state, 'risk state');
    this.#regime = s.regime;
    this.#regimeConfidence = s.regimeConfidence;
    this.#breakers.restore(structuredClone(s.breakers));
    this.#exits.restore(s.exits);
  }

  /**
   * Set the market regime that scales entry sizes: by `regimeScale[regime]`
   * for a bare label, or, for a `marketRegime` result, by
   * `1 - (1 - regimeScale[regime]) * confidence` (an unsure signal scales less).
   *
   * @param regime - a label, or a `marketRegime(...)` result
   * @throws InvalidArgumentError when the confidence is outside 0..1
   */
  setRegime(regime: RegimeLabel | { regime: RegimeLabel; confidence: number }): void {
    if (typeof regime === 'string') {
      this.#regime = regime;
      this.#regimeConfidence = 1;
      return;
    }
    if (!(regime.confidence >= 0 && regime.confidence <= 1)) {
      throw new InvalidArgumentError(`Regime confidence must be within 0..1, got "${regime.confidence}"`);
    }
    this.#regime = regime.regime;
    this.#regimeConfidence = regime.confidence;
  }

  /** The market regime in force. */
  get regime(): RegimeLabel {
    return this.#regime;
  }
  #context(): RuleContext {
    return {
      config: this.config,
      state: this.#breakers.state,
      breakers: this.#breakers.breakers,
      regime: this.#regime,
      regimeConfidence: this.#regimeConfidence,
      history: this.#history,
      initialStop: (symbol, price) => this.initialStop(symbol, price),
    };
  }
}

function checkInputs(intent: OrderIntent, portfolio: PortfolioSnapshot, market: MarketSnapshot): void {
  if (!(Number.isFinite(market.price) && market.price > 0)) {
    throw new InvalidArgumentError(
      `Market price for ${market.symbol} must be a positive finite number, got "${market.price}"`,
    );
  }
  for (const [name, v] of [
    ['equity', portfolio.equity],
    ['cash', portfolio.cash],
  ] as const) {
    if (!Number.isFinite(v)) throw new InvalidArgumentError(`Portfolio ${name} must be finite, got "${v}"`);
  }
  if (intent.amount !== undefined && !(Number.isFinite(intent.amount) && intent.amount > 0)) {
    throw new InvalidArgumentError(
      `Order amount for ${intent.symbol} must be a positive finite number, got "${intent.amount}"`,
    );
  }
  if (intent.price !== undefined && !(Number.isFinite(intent.price) && intent.price > 0)) {
    throw new InvalidArgumentError(
      `Limit price for ${intent.symbol} must be a positive finite number, got "${intent.price}"`,
    );
  }
}
