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
import { applyMarketLimits } from './applyMarketLimits.js';
import { type CustomStop, ExitManager } from './ExitManager.js';
import type { ExitSignal } from './ExitSignal.type.js';
import { MarketHistory } from './MarketHistory.js';
import {
  type ResolvedRiskConfig,
  type RiskValidatorConfig,
  RiskValidatorConfigSchema,
} from './RiskValidatorConfigSchema.js';
import { sizePosition } from './sizePosition.js';
import { type Breaker, type TradingState, TradingStateMachine } from './TradingStateMachine.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

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
  readonly #states = new TradingStateMachine();
  readonly #exits: ExitManager;
  readonly #history: MarketHistory;
  #stopLosses: number[] = [];
  #peak = Number.NaN;
  #day: { day: number; equity: number } | undefined;
  #regime: RegimeLabel = 'neutral';
  #now = 0;

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
  }

  /** The trading state now. */
  get state(): TradingState {
    return this.#states.state;
  }

  /** Tripped breakers now. */
  get breakers(): readonly Breaker[] {
    return this.#states.breakers;
  }

  /** Every trading-state change so far. */
  get stateHistory(): TradingStateMachine['history'] {
    return this.#states.history;
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
    this.#observePortfolio(portfolio);
    return intent.side === 'sell'
      ? this.#validateExit(intent, portfolio, market)
      : this.#validateEntry(intent, portfolio, market);
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
    this.#observePortfolio(portfolio);
    const position = portfolio.positions[event.symbol];
    if (position === undefined || !(position.amount > 0)) {
      this.#exits.close(event.symbol);
      this.#history.observe(event);
      return [];
    }
    // The stop is set from what was known when the position opened, before this candle.
    if (!this.#exits.isTracking(position)) {
      this.#exits.open(position, this.initialStop(event.symbol, position.entryPrice).price);
    }
    this.#history.observe(event);
    const signals = this.#exits.evaluate(
      position,
      event.candle,
      timeframeToMs(event.timeframe),
      options.finer,
      this.#options.customStop,
    );
    for (const s of signals) if (s.kind === 'stop-loss') this.#noteStopLoss(s.timestamp);
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
  initialStop(symbol: string, price: number): { price: number; how: string } {
    const c = this.config;
    const atr = c.stop.method === 'atr' ? this.#history.atr(symbol) : undefined;
    if (atr !== undefined && price - c.stop.atrMultiplier * atr > 0) {
      return { price: price - c.stop.atrMultiplier * atr, how: `${c.stop.atrMultiplier} x ATR ${atr.toPrecision(4)}` };
    }
    return { price: price * (1 - c.stopLossPct), how: `${(c.stopLossPct * 100).toFixed(2)}% below entry` };
  }

  /**
   * Kill switch: halt (until resumed by hand) and plan the cancellation of every
   * open order and a market close of every position.
   *
   * @param portfolio - the account now
   * @param reason - why. @default 'kill switch'
   * @returns what the host/broker must do
   */
  killSwitch(portfolio: PortfolioSnapshot, reason = 'kill switch'): KillSwitchPlan {
    this.#now = Math.max(this.#now, portfolio.timestamp);
    this.#states.trip({ name: 'kill-switch', state: 'HALTED', reason, since: this.#now, until: null });
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
    const ended = this.#states.resume(this.#now, name);
    if (ended.includes('max-drawdown')) this.#peak = Number.NaN;
    if (ended.includes('daily-loss')) this.#day = undefined;
    return ended;
  }

  /**
   * Set the market regime that scales entry sizes by `regimeScale[regime]`.
   *
   * @param regime - bullish, neutral or bearish
   */
  setRegime(regime: RegimeLabel): void {
    this.#regime = regime;
  }

  /** The market regime in force. */
  get regime(): RegimeLabel {
    return this.#regime;
  }

  #validateEntry(intent: OrderIntent, portfolio: PortfolioSnapshot, market: MarketSnapshot): RiskVerdict {
    const c = this.config;
    const reasons: string[] = [];
    const rules: string[] = [];
    const reject = (rule: string, why: string): RiskVerdict => ({
      outcome: 'reject',
      intent: null,
      reasons: [...reasons, why],
      rules: [...rules, rule],
    });
    const { symbol } = intent;
    if (intent.reduceOnly) return reject('reduce-only', `reduce-only buy on ${symbol}: long-only, nothing to reduce`);
    const state = this.#states.state;
    if (state !== 'ACTIVE') {
      const why = this.#states.breakers.map((b) => `${b.name}: ${b.reason}`).join('; ');
      return reject('trading-state', `trading state ${state} refuses entries (${why})`);
    }
    const { equity, cash, positions } = portfolio;
    if (equity < c.minCapital)
      return reject('min-capital', `equity ${equity} is below the minimum capital ${c.minCapital}`);
    const existing = positions[symbol];
    const open = Object.values(positions).filter((p) => p.amount > 0);
    const holding = existing !== undefined && existing.amount > 0;
    if (!holding && open.length >= c.maxOpenPositions) {
      return reject('max-open-positions', `${open.length} positions open, the maximum is ${c.maxOpenPositions}`);
    }
    const price = intent.type === 'limit' && intent.price !== undefined ? intent.price : market.price;
    const stop = this.initialStop(symbol, price);
    let amount: number;
    if (intent.amount !== undefined) {
      amount = intent.amount;
      reasons.push(`requested ${amount}`);
    } else {
      let sized: ReturnType<typeof sizePosition>;
      try {
        sized = sizePosition(c.sizing, {
          equity,
          price,
          stopPrice: stop.price,
          ...withVolatility(market.volatility ?? this.#history.volatility(symbol)),
          ...(intent.decision === undefined ? {} : { winProbability: intent.decision.confidence }),
          maxPositionPct: c.maxPositionPct,
          payoffRatio: c.takeProfitPct / c.stopLossPct,
        });
      } catch (err) {
        return reject('sizing', err instanceof Error ? err.message : String(err));
      }
      if (!(sized.amount > 0)) return reject('sizing', sized.reason);
      amount = sized.amount;
      reasons.push(`sized by ${sized.reason}`);
    }
    const requested = amount;
    const cut = (rule: string, to: number, why: string): void => {
      if (to < amount) {
        amount = Math.max(0, to);
        rules.push(rule);
        reasons.push(why);
      }
    };
    const scale = c.regimeScale[this.#regime];
    if (scale < 1) cut('regime', amount * scale, `${this.#regime} regime scales size by ${scale}`);
    const corr = this.#maxCorrelation(
      symbol,
      open.map((p) => p.symbol),
    );
    if (corr !== undefined && corr.r > c.correlation.max) {
      const why = `correlation ${corr.r.toFixed(3)} with ${corr.symbol} above ${c.correlation.max}`;
      if (c.correlation.action === 'reject') return reject('correlation', why);
      cut('correlation', amount * c.correlation.resizeFactor, `${why}: size x${c.correlation.resizeFactor}`);
    }
    const held = holding ? existing.amount * existing.markPrice : 0;
    const posRoom = c.maxPositionPct * equity - held;
    cut('max-position', posRoom / price, `position capped at ${pct(c.maxPositionPct)} of equity ${equity}`);
    const exposure = open.reduce((s, p) => s + p.amount * p.markPrice, 0);
    const expRoom = c.maxExposurePct * equity - exposure;
    cut(
      'max-exposure',
      expRoom / price,
      `total exposure capped at ${pct(c.maxExposurePct)} (now ${pct(exposure / equity)})`,
    );
    cut('cash', cash / (1 + c.feeReserve) / price, `free cash ${cash} (with a ${pct(c.feeReserve)} fee reserve)`);
    if (!(amount > 0)) {
      return { outcome: 'reject', intent: null, reasons: [...reasons, `no room left for ${symbol}`], rules };
    }
    const fit = applyMarketLimits(symbol, amount, price, 'buy', c.markets[symbol], {
      exitRoom: (price - stop.price) / price,
    });
    if (fit.reject !== undefined) return reject('exchange-limits', fit.reject);
    if (fit.amount < amount) {
      rules.push('exchange-precision');
      reasons.push(...fit.notes);
    }
    amount = fit.amount;
    if (!(amount > 0)) return reject('exchange-limits', `amount rounds to 0 on ${symbol}`);
    const sized: OrderIntent = { ...intent, amount };
    if (intent.type === 'limit' && fit.price !== undefined) sized.price = fit.price;
    reasons.push(
      `entry ${amount} ${symbol} at ${price} (${pct((amount * price) / equity)} of equity), stop ${stop.how}`,
    );
    return { outcome: rules.length > 0 || amount < requested ? 'resize' : 'approve', intent: sized, reasons, rules };
  }

  #validateExit(intent: OrderIntent, portfolio: PortfolioSnapshot, market: MarketSnapshot): RiskVerdict {
    const { symbol } = intent;
    const position = portfolio.positions[symbol];
    const reject = (rule: string, why: string): RiskVerdict => ({
      outcome: 'reject',
      intent: null,
      reasons: [why],
      rules: [rule],
    });
    if (position === undefined || !(position.amount > 0)) {
      return reject('no-position', `no ${symbol} position to sell (spot, long only)`);
    }
    if (this.#states.state === 'HALTED' && !this.config.exitsWhenHalted && intent.reason !== 'kill-switch') {
      return reject('trading-state', `trading state HALTED refuses ${intent.reason} (exitsWhenHalted is false)`);
    }
    const reasons: string[] = [];
    const rules: string[] = [];
    const requested = intent.amount ?? position.amount;
    let amount = Math.min(requested, position.amount);
    if (amount < requested) {
      rules.push('position');
      reasons.push(`sell ${requested} capped at the position ${position.amount}`);
    }
    const m = this.config.markets[symbol];
    if (m !== undefined) {
      const rest = position.amount - amount;
      const step = m.precision?.amount ?? 0;
      const minAmount = m.limits?.amount?.min ?? 0;
      const minCost = m.limits?.cost?.min ?? 0;
      if (rest > 0 && (rest < step || rest < minAmount || rest * market.price < minCost)) {
        amount = position.amount;
        rules.push('exit-dust');
        reasons.push(`selling the whole position: the rest ${rest} would be unsellable dust`);
      }
      const fit = applyMarketLimits(symbol, amount, market.price, 'sell', m);
      if (fit.reject !== undefined) return reject('exchange-limits', fit.reject);
      if (fit.amount !== amount) {
        rules.push('exchange-precision');
        reasons.push(...fit.notes);
      }
      amount = fit.amount;
    }
    if (!(amount > 0)) return reject('exchange-limits', `sell amount rounds to 0 on ${symbol}`);
    reasons.push(`${intent.reason}: sell ${amount} of ${position.amount} ${symbol}`);
    return {
      outcome: rules.length > 0 ? 'resize' : 'approve',
      intent: { ...intent, amount, reduceOnly: true },
      reasons,
      rules,
    };
  }

  #maxCorrelation(symbol: string, others: readonly string[]): { r: number; symbol: string } | undefined {
    let best: { r: number; symbol: string } | undefined;
    for (const o of others) {
      if (o === symbol) continue;
      const r = this.#history.correlation(symbol, o, Math.min(10, this.config.correlation.window));
      if (r !== undefined && (best === undefined || r > best.r)) best = { r, symbol: o };
    }
    return best;
  }

  #observePortfolio(p: PortfolioSnapshot): void {
    const c = this.config;
    const now = Math.max(this.#now, p.timestamp);
    this.#now = now;
    const ended = this.#states.update(now);
    if (ended.includes('max-drawdown')) this.#peak = Number.NaN;
    const day = Math.floor(now / DAY_MS);
    if (this.#day === undefined || this.#day.day !== day) this.#day = { day, equity: p.equity };
    if (!(this.#peak >= p.equity)) this.#peak = p.equity;
    const auto = c.breakers.resume === 'auto';
    const start = this.#day.equity;
    if (
      c.dailyLossLimitPct > 0 &&
      !this.#states.has('daily-loss') &&
      start - p.equity >= c.dailyLossLimitPct * start * (1 - 1e-12)
    ) {
      this.#states.trip({
        name: 'daily-loss',
        state: 'HALTED',
        reason: `equity ${p.equity} is down ${pct((start - p.equity) / start)} from ${start} today, limit ${pct(c.dailyLossLimitPct)}`,
        since: now,
        until: auto ? (day + 1) * DAY_MS : null,
      });
    }
    const peak = this.#peak;
    if (
      c.maxDrawdownPct > 0 &&
      !this.#states.has('max-drawdown') &&
      peak - p.equity >= c.maxDrawdownPct * peak * (1 - 1e-12)
    ) {
      this.#states.trip({
        name: 'max-drawdown',
        state: 'HALTED',
        reason: `drawdown ${pct((peak - p.equity) / peak)} from peak ${peak}, limit ${pct(c.maxDrawdownPct)}`,
        since: now,
        until: auto ? now + c.breakers.drawdownCooldownMinutes * MINUTE_MS : null,
      });
    }
  }

  #noteStopLoss(at: number): void {
    const { count, lookbackMinutes, cooldownMinutes } = this.config.stopLossCooldown;
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
}

function withVolatility(v: number | undefined): { volatility?: number } {
  return v === undefined ? {} : { volatility: v };
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

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
