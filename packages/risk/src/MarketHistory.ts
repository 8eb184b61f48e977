import type { CandleEvent } from '@sextant/core';
import { pearson } from './pearson.js';

class Series {
  lastTs = Number.NEGATIVE_INFINITY;
  lastClose = Number.NaN;
  /** Candle times and log returns, a ring, oldest at `head - count`. */
  readonly ts: Float64Array;
  readonly r: Float64Array;
  head = 0;
  count = 0;
  /** Bumped on every new candle (cache key). */
  version = 0;
  volVersion = -1;
  vol: number | undefined;
  /** Wilder ATR state. */
  atr = Number.NaN;
  trCount = 0;
  trSum = 0;

  constructor(window: number) {
    this.ts = new Float64Array(window);
    this.r = new Float64Array(window);
  }

  /** Index of the k-th oldest return. */
  at(k: number): number {
    const cap = this.ts.length;
    return (this.head - this.count + k + cap) % cap;
  }
}

/**
 * Rolling per-market history the risk rules need, built from the closed
 * candles the validator sees: log returns keyed by candle time (for
 * correlation across markets with gaps), per-candle volatility and Wilder's
 * ATR in TA-Lib's convention: true ranges start at the second candle (they
 * need the previous close), the first ATR is the mean of the first `period`
 * of them (so it exists after `period + 1` candles), then
 * `atr = (atr * (period - 1) + tr) / period`.
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
  readonly #corrCache = new Map<string, { va: number; vb: number; value: number | undefined }>();

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
      s = new Series(this.#window);
      this.#series.set(event.symbol, s);
    }
    if (timestamp <= s.lastTs) return;
    const prev = s.lastClose;
    if (Number.isFinite(prev)) {
      const tr = Math.max(high - low, Math.abs(high - prev), Math.abs(low - prev));
      const p = this.#atrPeriod;
      if (s.trCount < p) {
        s.trSum += tr;
        s.trCount++;
        if (s.trCount === p) s.atr = s.trSum / p;
      } else {
        s.atr = (s.atr * (p - 1) + tr) / p;
      }
    }
    if (prev > 0 && close > 0) {
      const cap = s.ts.length;
      s.ts[s.head] = timestamp;
      s.r[s.head] = Math.log(close / prev);
      s.head = (s.head + 1) % cap;
      if (s.count < cap) s.count++;
    }
    s.lastTs = timestamp;
    s.lastClose = close;
    s.version++;
  }

  /** Wilder ATR in price units, or undefined before `atrPeriod + 1` candles. */
  atr(symbol: string): number | undefined {
    const a = this.#series.get(symbol)?.atr;
    return a === undefined || Number.isNaN(a) ? undefined : a;
  }

  /** Standard deviation of the kept log returns (per candle), or undefined before 2 returns. Cached per candle. */
  volatility(symbol: string): number | undefined {
    const s = this.#series.get(symbol);
    if (s === undefined || s.count < 2) return undefined;
    if (s.volVersion !== s.version) {
      let m = 0;
      for (let k = 0; k < s.count; k++) m += s.r[s.at(k)]!;
      m /= s.count;
      let ss = 0;
      for (let k = 0; k < s.count; k++) ss += (s.r[s.at(k)]! - m) ** 2;
      s.vol = Math.sqrt(ss / (s.count - 1));
      s.volVersion = s.version;
    }
    return s.vol;
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
    const key = `${a}\u0000${b}\u0000${minOverlap}`;
    const hit = this.#corrCache.get(key);
    if (hit !== undefined && hit.va === sa.version && hit.vb === sb.version) return hit.value;
    // Two-pointer merge of the two time-sorted rings on common candle times.
    const xs: number[] = [];
    const ys: number[] = [];
    let i = 0;
    let j = 0;
    while (i < sa.count && j < sb.count) {
      const ia = sa.at(i);
      const jb = sb.at(j);
      const ta = sa.ts[ia]!;
      const tb = sb.ts[jb]!;
      if (ta === tb) {
        xs.push(sa.r[ia]!);
        ys.push(sb.r[jb]!);
        i++;
        j++;
      } else if (ta < tb) i++;
      else j++;
    }
    const value = xs.length < minOverlap ? undefined : pearson(xs, ys);
    this.#corrCache.set(key, { va: sa.version, vb: sb.version, value });
    return value;
  }
}
