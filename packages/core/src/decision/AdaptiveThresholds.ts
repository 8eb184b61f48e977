import { z } from 'zod';
import type { CandleEvent } from '../runner/CandleEvent.type.js';
import { RollingWindow } from './RollingWindow.js';

/**
 * How thresholds widen with recent prediction error and volatility: each is
 * compared as a short-window mean against a long-window mean of its own
 * history, so the policy is unit-free and self-calibrating per market.
 */
export const AdaptiveThresholdsConfigSchema = z
  .object({
    /** Turn the adaptive policy on. @default false (static thresholds) */
    enabled: z.boolean().default(false),
    /** Candles (or resolved predictions) in the recent window; also the window of the volatility priced into the cost bar, enabled or not. @default 20 */
    shortWindow: z.number().int().min(2).default(20),
    /** Candles (or resolved predictions) in the baseline window; must exceed `shortWindow`. @default 200 */
    longWindow: z.number().int().min(3).default(200),
    /** Widening per unit of (recent / baseline prediction error - 1). @default 1 */
    errorWeight: z.number().min(0).default(1),
    /** Widening per unit of (recent / baseline volatility - 1). @default 1 */
    volatilityWeight: z.number().min(0).default(1),
    /** Largest multiplier applied to the return thresholds. @default 3 */
    maxMultiplier: z.number().min(1).default(3),
  })
  .refine((c) => c.longWindow > c.shortWindow, {
    message: 'expected longWindow > shortWindow',
    path: ['longWindow'],
  });

/** How much the adaptive policy widens the thresholds now, and why. */
export interface ThresholdWidening {
  /** Factor applied to the return bars, 1..maxMultiplier. */
  multiplier: number;
  /** Recent / baseline mean absolute prediction error (1 until enough history). */
  errorRatio: number;
  /** Recent / baseline volatility (1 until enough history). */
  volatilityRatio: number;
}

/** The adaptive policy's resolved settings. */
export type AdaptiveThresholdsConfig = z.output<typeof AdaptiveThresholdsConfigSchema>;

interface Pending {
  due: number;
  close: number;
  value: number;
}

/** Rolling state for one market. */
class MarketState {
  lastClose = Number.NaN;
  lastTimestamp = Number.NEGATIVE_INFINITY;
  readonly returns: RollingWindow;
  readonly errors: RollingWindow;
  readonly pending: Pending[] = [];

  constructor(config: AdaptiveThresholdsConfig) {
    this.returns = new RollingWindow(config.longWindow, config.shortWindow);
    this.errors = new RollingWindow(config.longWindow, config.shortWindow);
  }
}

/**
 * Per-market rolling statistics behind the adaptive thresholds: squared log
 * returns (volatility) and absolute errors of predictions whose horizon has
 * passed (realised return = close at due time / close at prediction - 1).
 * Internal to {@link DecisionEngine}; exported for tests.
 */
export class AdaptiveThresholds {
  readonly #config: AdaptiveThresholdsConfig;
  readonly #markets = new Map<string, MarketState>();

  /** @param config - resolved settings */
  constructor(config: AdaptiveThresholdsConfig) {
    this.#config = config;
  }

  /**
   * Feed one closed candle and the predictions made on it.
   *
   * @param event - the closed candle
   * @param predictions - (value, horizon in ms) of each usable prediction
   */
  observe(event: CandleEvent, predictions: readonly { value: number; horizonMs: number }[]): void {
    const s = this.#state(event.symbol);
    const { close, timestamp } = event.candle;
    if (timestamp <= s.lastTimestamp) return;
    s.lastTimestamp = timestamp;
    if (s.lastClose > 0 && close > 0) s.returns.push(Math.log(close / s.lastClose) ** 2);
    s.lastClose = close;
    if (!this.#config.enabled) return;
    const pending = s.pending;
    let resolved = 0;
    while (resolved < pending.length && pending[resolved]!.due <= timestamp) {
      const p = pending[resolved++]!;
      s.errors.push(Math.abs(p.value - (close / p.close - 1)));
    }
    if (resolved > 0) pending.splice(0, resolved);
    for (const p of predictions) {
      // keep `pending` sorted by due time: insert from the back
      const item = { due: timestamp + p.horizonMs, close, value: p.value };
      let i = pending.length;
      while (i > 0 && pending[i - 1]!.due > item.due) i--;
      pending.splice(i, 0, item);
    }
  }

  /** Per-candle volatility (root mean square log return over the short window), or 0 before two candles. */
  volatility(symbol: string): number {
    const r = this.#markets.get(symbol)?.returns;
    return r === undefined || r.length === 0 ? 0 : Math.sqrt(r.recentMean());
  }

  /**
   * The factor (>= 1, <= `maxMultiplier`) by which return thresholds widen for
   * this market now: `1 + errorWeight * max(0, errRatio - 1) + volatilityWeight
   * * max(0, volRatio - 1)`, each ratio being recent / baseline mean, used only
   * once the baseline holds at least twice the short window.
   */
  multiplier(symbol: string): ThresholdWidening {
    const s = this.#markets.get(symbol);
    const c = this.#config;
    if (!c.enabled || s === undefined) return { multiplier: 1, errorRatio: 1, volatilityRatio: 1 };
    const volatilityRatio = Math.sqrt(ratio(s.returns, c.shortWindow));
    const errorRatio = ratio(s.errors, c.shortWindow);

    const m = 1 + c.errorWeight * Math.max(0, errorRatio - 1) + c.volatilityWeight * Math.max(0, volatilityRatio - 1);
    return { multiplier: Math.min(c.maxMultiplier, m), errorRatio, volatilityRatio };
  }

  #state(symbol: string): MarketState {
    let s = this.#markets.get(symbol);
    if (s === undefined) this.#markets.set(symbol, (s = new MarketState(this.#config)));
    return s;
  }
}

function ratio(w: RollingWindow, short: number): number {
  if (w.length < 2 * short) return 1;
  const base = w.mean();
  return base > 0 ? w.recentMean() / base : 1;
}
