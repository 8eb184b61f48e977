import { type Candle, InvalidArgumentError, type PositionSnapshot, type StrategyStopContext } from '@sextant/core';
import type { ExitSignal } from './ExitSignal.type.js';

/** One rung of the take-profit ladder. */
export interface TakeProfitLevel {
  /** Target = entry * (1 + at * takeProfitPct). */
  at: number;
  /** Share of the initial amount sold there. */
  fraction: number;
}

/** Settings of an {@link ExitManager} (a subset of the risk config). */
export interface ExitManagerOptions {
  /** Partial take-profits: sell `fraction` of the initial amount at entry * (1 + at * takeProfitPct). */
  takeProfits: readonly TakeProfitLevel[];
  /** Take-profit distance unit, fraction. */
  takeProfitPct: number;
  /** After TP1 the stop trails this fraction below the highest high. */
  trailingStopPct: number;
  /** Close after this long, ms (0 = never). */
  timeStopMs: number;
}

/** Hook returning a new stop price (it can only tighten the stop), or undefined to keep it. */
export type CustomStop = (context: StrategyStopContext) => number | undefined;

/** Where one position stands on its exit ladder (serialisable, for restarts). */
export interface TrackedExit {
  /** The position's `openedAt`, ms UTC. */
  openedAt: number;
  /** Entry price. */
  entry: number;
  /** Amount when first tracked (the base of the TP fractions). */
  initial: number;
  /** Amount not yet sold by an exit. */
  remaining: number;
  /** Stop price in force. */
  stop: number;
  /** Take-profit levels taken. */
  tpHit: number;
  /** Whether the trailing stop is active. */
  trailing: boolean;
  /** Highest high since entry. */
  high: number;
  /** Position amount seen on the previous candle (to tell added amounts from exits still pending). */
  seen: number;
}

type Tracked = TrackedExit;

/**
 * Exits for one long position, candle by candle: stop-loss, partial
 * take-profits (default TP1 50%, TP2 30%), a trailing stop on the rest that
 * starts after TP1, and a time stop. Within one candle whose range holds both
 * the stop and a target, the stop is assumed hit first (the conservative
 * reading, as freqtrade's backtesting does) unless finer candles for that span
 * are given, which are then replayed in order. A candle opening beyond a level
 * triggers at its open. Stops set or moved on a candle (trailing, custom hook)
 * apply from the next candle.
 *
 * @example
 * ```ts
 * import { ExitManager } from '@sextant/risk';
 * const exits = new ExitManager({ takeProfits: [{ at: 1, fraction: 0.5 }], takeProfitPct: 0.07, trailingStopPct: 0.02, timeStopMs: 86_400_000 });
 * exits.open(position, 96.5);
 * const signals = exits.evaluate(position, candle, 300_000);
 * ```
 */
export class ExitManager {
  readonly #options: ExitManagerOptions;
  readonly #tracked = new Map<string, Tracked>();

  /** @param options - take-profit ladder, trailing distance and time stop */
  constructor(options: ExitManagerOptions) {
    this.#options = options;
  }

  /**
   * Start (or restart, when `openedAt` changed) tracking a position.
   *
   * @param position - the open position
   * @param stop - initial stop price, below entry
   * @param priorHigh - for a position picked up after it opened (a restart):
   *   the highest price it reached before this candle. Targets at or below it
   *   count as already taken (the initial amount is inferred from what is
   *   left) and the trailing stop starts from it. @default the entry price
   * @throws InvalidArgumentError when the stop is not finite, not positive, or not below entry
   */
  open(position: PositionSnapshot, stop: number, priorHigh = position.entryPrice): void {
    if (!(Number.isFinite(stop) && stop > 0 && stop < position.entryPrice)) {
      throw new InvalidArgumentError(
        `Stop "${stop}" for ${position.symbol} must be a positive price below entry "${position.entryPrice}"`,
      );
    }
    const { takeProfits, takeProfitPct, trailingStopPct } = this.#options;
    const high = Math.max(position.entryPrice, Number.isFinite(priorHigh) ? priorHigh : position.entryPrice);
    let tpHit = 0;
    let sold = 0;
    while (tpHit < takeProfits.length && high >= position.entryPrice * (1 + takeProfits[tpHit]!.at * takeProfitPct)) {
      sold += takeProfits[tpHit]!.fraction;
      tpHit++;
    }
    const trailing = tpHit > 0;
    this.#tracked.set(position.symbol, {
      openedAt: position.openedAt,
      entry: position.entryPrice,
      initial: sold < 1 ? position.amount / (1 - sold) : position.amount,
      remaining: position.amount,
      stop: trailing ? Math.max(stop, high * (1 - trailingStopPct)) : stop,
      tpHit,
      trailing,
      high,
      seen: position.amount,
    });
  }

  /** Copies of every tracked position's ladder state, by symbol. */
  snapshot(): Record<string, TrackedExit> {
    const out: Record<string, TrackedExit> = {};
    for (const [symbol, t] of this.#tracked) out[symbol] = { ...t };
    return out;
  }

  /**
   * Replace the tracked state with a {@link ExitManager.snapshot}.
   *
   * @param state - ladder state by symbol
   */
  restore(state: Readonly<Record<string, TrackedExit>>): void {
    this.#tracked.clear();
    for (const [symbol, t] of Object.entries(state)) this.#tracked.set(symbol, { ...t });
  }

  /** Whether a position in this market is tracked (and for the same opening). */
  isTracking(position: PositionSnapshot): boolean {
    return this.#tracked.get(position.symbol)?.openedAt === position.openedAt;
  }

  /** Stop tracking a market (position closed). */
  close(symbol: string): void {
    this.#tracked.delete(symbol);
  }

  /** The stop in force for a market, if tracked. */
  stopOf(symbol: string): number | undefined {
    return this.#tracked.get(symbol)?.stop;
  }

  /**
   * Exits triggered on one closed candle.
   *
   * @param position - the position now (its amount caps what is sold)
   * @param candle - the closed candle
   * @param candleMs - candle duration, ms (for the time stop)
   * @param finer - candles of a finer timeframe covering this candle, oldest first, to order stop and target
   * @param customStop - hook that may tighten the stop after the candle
   * @returns exit signals in the order they triggered
   */
  evaluate(
    position: PositionSnapshot,
    candle: Candle,
    candleMs: number,
    finer?: readonly Candle[],
    customStop?: CustomStop,
  ): ExitSignal[] {
    const t = this.#tracked.get(position.symbol);
    if (t === undefined || candle.timestamp < t.openedAt) return [];
    if (position.amount > t.seen) {
      // The position grew (a later partial fill of the entry, or an add): the
      // extra amount joins the ladder, targets follow the new average entry.
      const added = position.amount - t.seen;
      t.initial += added;
      t.remaining += added;
      t.entry = position.entryPrice;
    }
    t.seen = position.amount;
    t.remaining = Math.min(t.remaining, position.amount);
    const out: ExitSignal[] = [];
    const path = finer !== undefined && finer.length > 0 ? finer : [candle];
    for (const c of path) {
      if (t.remaining <= 0) break;
      this.#step(position.symbol, t, c, out);
    }
    const { timeStopMs } = this.#options;
    if (t.remaining > 0 && timeStopMs > 0 && candle.timestamp + candleMs - t.openedAt >= timeStopMs) {
      out.push(
        signal({
          symbol: position.symbol,
          kind: 'time-stop',
          level: 0,
          price: candle.close,
          amount: t.remaining,
          timestamp: candle.timestamp,
          why: `held ${hours(candle.timestamp + candleMs - t.openedAt)} >= time stop ${hours(timeStopMs)}`,
        }),
      );
      t.remaining = 0;
    }
    if (t.remaining > 0 && customStop !== undefined) {
      const s = customStop({ position, candle, stop: t.stop, trailing: t.trailing });
      if (s !== undefined) {
        if (!(Number.isFinite(s) && s > 0)) {
          throw new InvalidArgumentError(
            `customStop for ${position.symbol} returned "${s}"; expected a positive price`,
          );
        }
        t.stop = Math.max(t.stop, s);
      }
    }
    if (t.remaining <= 0) this.#tracked.delete(position.symbol);
    return out;
  }

  #step(symbol: string, t: Tracked, c: Candle, out: ExitSignal[]): void {
    const { takeProfits, takeProfitPct, trailingStopPct } = this.#options;
    const nextTarget = (): number | undefined => {
      const tp = takeProfits[t.tpHit];
      return tp === undefined ? undefined : t.entry * (1 + tp.at * takeProfitPct);
    };
    const stopKind = t.trailing ? 'trailing-stop' : 'stop-loss';
    const target = nextTarget();
    const openedAtTarget = target !== undefined && c.open >= target;
    if (!openedAtTarget && c.low <= t.stop) {
      const price = Math.min(c.open, t.stop);
      const why = c.open <= t.stop ? `opened at ${c.open} below stop ${t.stop}` : `low ${c.low} <= stop ${t.stop}`;
      out.push(
        signal({
          symbol: symbol,
          kind: stopKind,
          level: 0,
          price: price,
          amount: t.remaining,
          timestamp: c.timestamp,
          why: why,
        }),
      );
      t.remaining = 0;
      return;
    }
    for (let level = nextTarget(); level !== undefined && c.high >= level && t.remaining > 0; level = nextTarget()) {
      const tp = takeProfits[t.tpHit]!;
      const last = t.tpHit === takeProfits.length - 1 && sumFractions(takeProfits) >= 1 - 1e-12;
      const amount = last ? t.remaining : Math.min(t.remaining, t.initial * tp.fraction);
      const price = Math.max(c.open, level);
      t.tpHit++;
      out.push(
        signal({
          symbol: symbol,
          kind: 'take-profit',
          level: t.tpHit,
          price: price,
          amount: amount,
          timestamp: c.timestamp,
          why: `high ${c.high} >= TP${t.tpHit} ${level}, selling ${(tp.fraction * 100).toFixed(0)}%`,
        }),
      );
      t.remaining -= amount;
      t.trailing = true;
    }
    if (openedAtTarget && t.remaining > 0 && c.low <= t.stop) {
      out.push(
        signal({
          symbol: symbol,
          kind: stopKind,
          level: 0,
          price: t.stop,
          amount: t.remaining,
          timestamp: c.timestamp,
          why: `low ${c.low} <= stop ${t.stop} after opening above target`,
        }),
      );
      t.remaining = 0;
      return;
    }
    t.high = Math.max(t.high, c.high);
    if (t.trailing) t.stop = Math.max(t.stop, t.high * (1 - trailingStopPct));
  }
}

function sumFractions(tps: readonly TakeProfitLevel[]): number {
  return tps.reduce((s, x) => s + x.fraction, 0);
}

function hours(ms: number): string {
  return `${(ms / 3_600_000).toFixed(2)}h`;
}

function signal(s: Omit<ExitSignal, 'reason'> & { why: string }): ExitSignal {
  const { why, ...rest } = s;
  return { ...rest, reason: `${s.kind}${s.level > 0 ? ` ${s.level}` : ''}: ${why}` };
}
