import type { CandleEvent } from '@sextant/core';
import { pearson } from './pearson.js';

interface Series {
  lastTs: number;
  lastClose: number;
  /** Timestamps of the returns kept, oldest first. */
  ts: number[];
  /** Log return by candle timestamp. */
  returns: Map<number, number>;
  /** Wilder ATR state. */
  atr: number;
  trCount: number;
  trSum: number;
}

/**
 * Rolling per-market history the risk rules need, built from the closed
 * candles the validator sees: log returns keyed by candle time (for
 * correlation across markets with gaps), per-candle volatility and Wilder's
 * ATR (TA-Lib convention: the first value is the mean of the first `period`
 * true ranges, then `atr = (atr * (period - 1) + tr) / period`; the first
 * candle's true range is its high - low).
 *
 * @example
 * ```ts
 * import { MarketHistory } from '@sextant/risk';
 * const h = new MarketHistory(100, 14);
 * h.observe(event);
 * h.atr('ETH/BTC'); // undefined until 14 candles
 * ```
 */
export class MarketHistory {
  readonly #window: number;
  readonly #atrPeriod: number;
  readonly #series = new Map<string, Series>();

  /**
   * @param window - returns kept per market
   * @param atrPeriod - ATR period, candles
   */
  constructor(window: number, atrPeriod: number) {
    this.#window = window;
    this.#atrPeriod = atrPeriod;
  }

  /** Add one closed candle; repeated or older candles are ignored. */
  observe(event: CandleEvent): void {
    const { timestamp, high, low, close } = event.candle;
    let s = this.#series.get(event.symbol);
    if (s === undefined) {
      s = {
        lastTs: Number.NEGATIVE_INFINITY,
        lastClose: Number.NaN,
        ts: [],
        returns: new Map(),
        atr: Number.NaN,
        trCount: 0,
        trSum: 0,
      };
      this.#series.set(event.symbol, s);
    }
    if (timestamp <= s.lastTs) return;
    const prev = s.lastClose;
    const tr = Number.isFinite(prev) ? Math.max(high - low, Math.abs(high - prev), Math.abs(low - prev)) : high - low;
    const p = this.#atrPeriod;
    if (s.trCount < p) {
      s.trSum += tr;
      s.trCount++;
      if (s.trCount === p) s.atr = s.trSum / p;
    } else {
      s.atr = (s.atr * (p - 1) + tr) / p;
    }
    if (Number.isFinite(prev) && prev > 0 && close > 0) {
      s.ts.push(timestamp);
      s.returns.set(timestamp, Math.log(close / prev));
      if (s.ts.length > this.#window) s.returns.delete(s.ts.shift()!);
    }
    s.lastTs = timestamp;
    s.lastClose = close;
  }

  /** Wilder ATR in price units, or undefined before `atrPeriod` candles. */
  atr(symbol: string): number | undefined {
    const a = this.#series.get(symbol)?.atr;
    return a === undefined || Number.isNaN(a) ? undefined : a;
  }

  /** Standard deviation of the kept log returns (per candle), or undefined before 2 returns. */
  volatility(symbol: string): number | undefined {
    const s = this.#series.get(symbol);
    if (s === undefined || s.ts.length < 2) return undefined;
    const r = [...s.returns.values()];
    const m = r.reduce((a, b) => a + b, 0) / r.length;
    return Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1));
  }

  /**
   * Pearson correlation of two markets' log returns over the candle times
   * both have, or undefined with fewer than `minOverlap` common returns or
   * a constant series.
   */
  correlation(a: string, b: string, minOverlap = 10): number | undefined {
    const sa = this.#series.get(a);
    const sb = this.#series.get(b);
    if (sa === undefined || sb === undefined) return undefined;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const t of sa.ts) {
      const y = sb.returns.get(t);
      if (y !== undefined) {
        xs.push(sa.returns.get(t)!);
        ys.push(y);
      }
    }
    return xs.length < minOverlap ? undefined : pearson(xs, ys);
  }
}
